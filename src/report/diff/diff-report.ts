import type { Aspect } from '../../core/diff/change-types.js';
import type { Bump, RequiredBump } from '../../core/diff/semver.js';

/** A metric's value on the same data under one definition version. */
export interface ImpactValue {
  readonly value: number | null;
  readonly n: number | null;
}

export interface SegmentImpact {
  readonly dimensions: Readonly<Record<string, string | null>>;
  readonly from: ImpactValue | null;
  readonly to: ImpactValue | null;
  readonly difference: number | null;
}

/** What a definition change does to the numbers: old and new value on the same data. */
export interface Impact {
  readonly from: ImpactValue | null;
  readonly to: ImpactValue | null;
  readonly difference: number | null;
  readonly segments: readonly SegmentImpact[];
}

export interface DiffChange {
  readonly aspect: Aspect;
  readonly kind: 'added' | 'removed' | 'changed';
  readonly name: string | null;
  readonly from: unknown;
  readonly to: unknown;
  readonly fields?: readonly string[];
  readonly bump: RequiredBump;
}

export interface DiffMetric {
  readonly id: string;
  readonly name: string;
  readonly unit: string;
  readonly status: 'added' | 'removed' | 'changed' | 'unchanged';
  readonly version: { readonly from: string | null; readonly to: string | null; readonly bump: Bump | null; readonly required: RequiredBump; readonly ok: boolean | null };
  readonly fingerprint: { readonly from: string | null; readonly to: string | null };
  readonly math_changed: boolean;
  readonly changes: readonly DiffChange[];
  readonly impact: Impact | null;
}

export interface DiffRevision {
  /** As given on the command line; null for the working tree. */
  readonly ref: string | null;
  /** The commit; null for the working tree. */
  readonly revision: string | null;
}

/** `rmos diff --format json`: the semantic diff of two library versions and, with data, its numeric impact. */
export interface DiffReport {
  readonly rmos: string;
  readonly library: { readonly name: string; readonly path: string };
  readonly from: DiffRevision;
  readonly to: DiffRevision;
  readonly period: { readonly label: string; readonly start: string; readonly end: string } | null;
  readonly dimensions: readonly string[];
  readonly inputs: readonly { readonly source: string; readonly files: readonly { readonly path: string; readonly sha256: string; readonly rows: number }[] }[];
  readonly summary: { readonly added: number; readonly removed: number; readonly changed: number; readonly unchanged: number };
  readonly metrics: readonly DiffMetric[];
}

export interface DiffFormatOptions {
  readonly color: boolean;
}

export type DiffFormatter = (report: DiffReport, options: DiffFormatOptions) => string;
