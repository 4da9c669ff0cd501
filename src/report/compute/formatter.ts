import type { ComputeReport } from './report.js';

export interface ComputeFormatOptions {
  readonly color: boolean;
}

/** A pure function from a report to text: no I/O, no colour unless asked. */
export type ComputeFormatter = (report: ComputeReport, options: ComputeFormatOptions) => string;
