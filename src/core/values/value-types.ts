export type ColumnType = 'integer' | 'number' | 'currency' | 'percent' | 'boolean' | 'date' | 'timestamp' | 'string';

/**
 * A parsed cell. integer/number/currency: the number; percent: a fraction
 * (45% → 0.45); boolean; date: epoch day; timestamp: epoch milliseconds UTC;
 * string: the trimmed text. null means the cell is missing.
 */
export type Value = number | string | boolean | null;

/** A cell that does not match its column type; `reason` is a sentence shown to users. */
export interface Invalid {
  readonly invalid: true;
  readonly reason: string;
}

export interface ValueOptions {
  type: ColumnType;
  /** The source's decimal separator; the other mark (and spaces, apostrophes) may group thousands. */
  decimal: '.' | ',';
  /** Cells meaning "no value", compared trimmed and case-insensitively. Default: '', na, n/a, null, -. */
  missingTokens?: readonly string[];
  /** Inclusive bounds for integer, number, currency and percent (percent bounds are fractions: 1 = 100%). */
  min?: number;
  max?: number;
  /** Allowed values of a string column, matched exactly after trimming. */
  values?: readonly string[];
  /** Date column layout built from YYYY, MM, DD, M, D; default 'YYYY-MM-DD'. */
  dateFormat?: string;
  /** Timestamp column layout (YYYY MM DD M D HH H mm ss SSS A Z); default ISO 8601. */
  timestampFormat?: string;
  /** IANA zone in which timestamps without an offset are read. */
  timezone: string;
}

export function isInvalid(v: Value | Invalid): v is Invalid {
  return v !== null && typeof v === 'object';
}

export function invalid(reason: string): Invalid {
  return { invalid: true, reason };
}
