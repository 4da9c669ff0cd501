import type { MetricResult } from '../../core/compute/result-types.js';

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
  readonly metrics: readonly MetricResult[];
}
