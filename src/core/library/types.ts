/**
 * The library as rmos uses it once loaded: definitions in memory, each remembering
 * the file it came from so that problems can be placed.
 */
export type ColumnType = 'integer' | 'number' | 'currency' | 'percent' | 'boolean' | 'date' | 'timestamp' | 'string';
export type Aggregate = 'count' | 'count_distinct' | 'sum' | 'avg' | 'min' | 'max' | 'median' | 'percentile';
export type Status = 'draft' | 'approved' | 'deprecated';
export type Direction = 'higher' | 'lower';

export interface Parameter {
  readonly name: string;
  readonly value: number;
  readonly description?: string;
  readonly unit?: string;
  readonly file: string;
}

export interface Manifest {
  readonly name: string;
  readonly description?: string;
  readonly extends?: string;
  readonly timezone: string;
  readonly fiscalYearStartMonth: number;
  readonly file: string;
}

export interface Dialect {
  readonly delimiter: 'auto' | ',' | ';' | '\t' | '|';
  readonly decimal: 'auto' | '.' | ',';
  readonly dateFormat?: string;
  readonly timestampFormat?: string;
  readonly missingValues?: readonly string[];
}

export interface ColumnDef {
  readonly name: string;
  readonly type: ColumnType;
  readonly required: boolean;
  readonly aliases: readonly string[];
  readonly description?: string;
  readonly min?: number;
  readonly max?: number;
  readonly values?: readonly string[];
}

export interface SourceDef {
  readonly id: string;
  readonly name?: string;
  readonly description?: string;
  readonly timeColumn?: string;
  readonly key?: string;
  readonly onDuplicate: 'keep_first' | 'error';
  readonly dialect: Dialect;
  readonly columns: ReadonlyMap<string, ColumnDef>;
  readonly file: string;
}

export interface MeasureDef {
  readonly name: string;
  readonly description?: string;
  readonly aggregate: Aggregate;
  readonly column?: string;
  readonly where?: string;
  readonly source?: string;
  readonly timeColumn?: string;
  readonly p?: number;
}

export interface ExclusionDef {
  readonly name: string;
  readonly where: string;
  readonly reason: string;
  readonly source?: string;
}

export type IntervalDef =
  | { readonly method: 'trinomial'; readonly promoters: string; readonly detractors: string; readonly total: string; readonly scale: number }
  | { readonly method: 'wilson'; readonly successes: string; readonly total: string; readonly scale: number }
  | { readonly method: 't'; readonly mean: string };

export interface TargetDef {
  readonly value: number;
  readonly from?: string;
  readonly to?: string;
  readonly segment?: Readonly<Record<string, string>>;
  readonly warningBand?: number;
}

export interface ChangelogEntry {
  readonly version: string;
  readonly date: string;
  readonly author?: string;
  readonly change: string;
}

export interface MetricDef {
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  readonly version: string;
  readonly status: Status;
  readonly owner?: string;
  readonly approvers: readonly string[];
  readonly unit: string;
  readonly direction: Direction;
  readonly source?: string;
  readonly measures: ReadonlyMap<string, MeasureDef>;
  readonly formula: string;
  readonly sample?: string;
  /** Measure whose segment shares weight the segment values (drivers); the sample when absent. */
  readonly weight?: string;
  readonly minSample?: number;
  readonly interval?: IntervalDef;
  readonly dimensions: readonly string[];
  readonly exclusions: ReadonlyMap<string, ExclusionDef>;
  readonly tolerance?: { readonly absolute?: number; readonly relative?: number };
  readonly targets: readonly TargetDef[];
  readonly changelog: readonly ChangelogEntry[];
  readonly file: string;
}

export interface Library {
  readonly root: string;
  readonly manifest: Manifest;
  readonly parameters: ReadonlyMap<string, Parameter>;
  readonly sources: ReadonlyMap<string, SourceDef>;
  readonly metrics: ReadonlyMap<string, MetricDef>;
  /** Ids defined in files that failed validation: known to exist, so not reported as unknown. */
  readonly brokenIds: ReadonlySet<string>;
  /** Files that belong to this library itself (not to a library it extends). */
  readonly ownFiles: ReadonlySet<string>;
  /** Every source and metric file read, including ids defined twice. */
  readonly entries: readonly LibraryEntry[];
}

export interface LibraryEntry {
  readonly kind: 'source' | 'metric';
  readonly id: string;
  readonly file: string;
}
