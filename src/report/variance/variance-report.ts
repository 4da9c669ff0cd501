import type { MetricStatus } from '../../core/compute/result-types.js';
import type { Drivers, Significance } from '../../core/variance/variance-types.js';

export interface VarianceNoteOut {
  readonly segment: Readonly<Record<string, string>> | null;
  readonly text: string;
  readonly author: string | null;
  readonly source: string;
}

export interface VarianceMetric {
  readonly id: string;
  readonly name: string;
  readonly version: string;
  readonly fingerprint: string;
  readonly unit: string;
  readonly direction: 'higher' | 'lower';
  readonly actual: number | null;
  readonly n: number | null;
  readonly status: MetricStatus;
  readonly comparator: number | null;
  readonly comparator_n: number | null;
  /** actual − comparator, in the metric's unit (percentage points for percent metrics). */
  readonly variance: number | null;
  /** variance as a fraction of the comparator's size. */
  readonly variance_pct: number | null;
  readonly favourable: boolean | null;
  readonly tolerance: { readonly absolute?: number; readonly relative?: number } | null;
  readonly beyond_tolerance: boolean | null;
  readonly significance: Significance | null;
  readonly drivers: Drivers | null;
  /** Change not attributed to a segment (segments without a weight in a period). */
  readonly unexplained: number | null;
  readonly notes: readonly VarianceNoteOut[];
  readonly reason: string | null;
}

/** The variance report (schemas/variance-report.schema.json). */
export interface VarianceReport {
  readonly rmos: string;
  readonly library: { readonly name: string; readonly path: string; readonly revision: string | null; readonly dirty: boolean | null };
  readonly period: { readonly label: string; readonly start: string; readonly end: string };
  readonly against: { readonly kind: string; readonly label: string; readonly file: string | null; readonly period: { readonly label: string; readonly start: string; readonly end: string } | null };
  readonly explained_by: string | null;
  readonly inputs: readonly { readonly source: string; readonly files: readonly { readonly path: string; readonly sha256: string; readonly rows: number }[] }[];
  readonly metrics: readonly VarianceMetric[];
}
