import type { MetricResult } from '../../core/compute/result-types.js';

/** A metric as reported: its result, the comparison period's value and the trend. */
export interface ReportMetric extends MetricResult {
  readonly previous: { readonly value: number | null; readonly n: number | null } | null;
  readonly delta: number | null;
  /** With --trend N: the value in each of the last N periods, oldest first. */
  readonly trend?: readonly { readonly period: string; readonly value: number | null; readonly n: number | null }[];
}

/** The JSON report (schemas/report.schema.json): stable across releases, additive changes only. */
export interface ComputeReport {
  readonly rmos: string;
  readonly generated_at?: string;
  readonly library: { readonly name: string; readonly path: string; readonly revision: string | null; readonly dirty: boolean | null };
  readonly period: { readonly label: string; readonly start: string; readonly end: string };
  readonly comparison: { readonly label: string; readonly start: string; readonly end: string } | null;
  readonly dimensions: readonly string[];
  readonly parameters: Readonly<Record<string, number>>;
  readonly inputs: readonly { readonly source: string; readonly files: readonly { readonly path: string; readonly sha256: string; readonly rows: number }[] }[];
  readonly metrics: readonly ReportMetric[];
}
