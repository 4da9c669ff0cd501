import type { Accounting } from './accounting.js';

export type MetricStatus = 'on_track' | 'at_risk' | 'off_track' | 'no_target' | 'no_data' | 'insufficient_sample';

export interface SegmentResult {
  readonly dimensions: Readonly<Record<string, string | null>>;
  readonly value: number | null;
  readonly reason: string | null;
  readonly n: number | null;
  readonly measures: Readonly<Record<string, number | null>>;
  readonly ci95: readonly [number, number] | null;
  readonly target: number | null;
  readonly status: MetricStatus;
  /** For metrics with a t interval: n, mean and sample standard deviation of the averaged column. */
  readonly spread: { readonly n: number; readonly mean: number; readonly sd: number } | null;
}

export interface MetricResult extends SegmentResult {
  readonly id: string;
  readonly name: string;
  readonly version: string;
  readonly fingerprint: string;
  readonly unit: string;
  readonly direction: 'higher' | 'lower';
  /** Rows of each source the metric read, and what happened to them. */
  readonly accounting: Readonly<Record<string, Accounting>>;
  readonly segments: readonly SegmentResult[];
}
