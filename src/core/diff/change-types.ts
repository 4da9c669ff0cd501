import type { MetricDef } from '../library/types.js';
import type { Bump, RequiredBump } from './semver.js';

/** What part of a metric a change is in. */
export type Aspect =
  | 'formula' | 'measure' | 'exclusion' | 'source' | 'column' | 'parameter' | 'metric'
  | 'dimension' | 'unit' | 'direction' | 'sample' | 'interval' | 'math'
  | 'status' | 'approvers' | 'changelog' | 'description';

/** One difference between two versions of a metric definition, as data. */
export interface Change {
  readonly aspect: Aspect;
  readonly kind: 'added' | 'removed' | 'changed';
  /** The measure, exclusion, column (`source.column`), parameter, metric or dimension; null for the metric's own fields. */
  readonly name: string | null;
  readonly from: unknown;
  readonly to: unknown;
  /** For a changed measure or exclusion: which of its fields changed. */
  readonly fields?: readonly string[];
  /** The least version bump this change needs on its own. */
  readonly bump: RequiredBump;
}

export type DiffStatus = 'added' | 'removed' | 'changed' | 'unchanged';

/** One metric compared between two library versions. */
export interface MetricDiff {
  readonly id: string;
  readonly status: DiffStatus;
  readonly before?: MetricDef;
  readonly after?: MetricDef;
  readonly fingerprint: { readonly from: string | null; readonly to: string | null };
  /** The normalised math (the fingerprint) differs. */
  readonly mathChanged: boolean;
  readonly changes: readonly Change[];
  /** The least bump the changes need together. */
  readonly required: RequiredBump;
  /** How the version moved; null for an added or removed metric. */
  readonly bump: Bump | null;
  /** Whether the bump is enough for the changes; null for an added or removed metric. */
  readonly bumpOk: boolean | null;
}
