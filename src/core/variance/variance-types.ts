export type AgainstKind = 'target' | 'prior' | 'yoy' | 'budget' | 'reported';

export interface Significance {
  /** The test used: NPS difference z-test, two-proportion z-test or Welch t-test. */
  readonly test: 'nps_z' | 'two_proportion_z' | 'welch_t';
  readonly statistic: number;
  readonly p: number;
  /** True only when p < 0.05: a change within noise is never called a change. */
  readonly significant: boolean;
}

export interface DriverPart {
  readonly segment: string | null;
  readonly weight_before: number;
  readonly weight_after: number;
  readonly value_before: number | null;
  readonly value_after: number | null;
  /** Δw · (r0 + r1) / 2: the change due to the segment's share. */
  readonly mix: number;
  /** Δr · (w0 + w1) / 2: the change due to the segment's own value. */
  readonly rate: number;
  readonly total: number;
}

export interface Drivers {
  readonly dimension: string;
  /** The measure whose shares weight the segments (the sample, or the metric's weight). */
  readonly weight: string;
  readonly parts: readonly DriverPart[];
  /** Sum of all parts: equals the metric's change. */
  readonly total: number;
}

export interface VarianceNote {
  readonly text: string;
  readonly author: string | null;
  readonly segment: Readonly<Record<string, string>> | null;
  readonly file: string;
  readonly line: number;
}
