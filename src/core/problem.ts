export type Severity = 'error' | 'warning';

/** Where in a definition file a problem is: a path of keys from the document root. */
export type DocPath = readonly (string | number)[];

/**
 * A problem as rules and loaders report it: data, not text positions. The runner
 * resolves `path` (and `offset` inside an expression) to a line and column once.
 */
export interface Problem {
  readonly code: string;
  readonly message: string;
  readonly file: string;
  readonly path: DocPath;
  /** Point at the key of the last path element rather than its value. */
  readonly at?: 'key' | 'value';
  /** Offset (and length) inside a string value, for errors inside an expression. */
  readonly offset?: number;
  readonly length?: number;
  /** Overrides the rule's default severity. */
  readonly severity?: Severity;
  /** A position already known (e.g. from the YAML parser), used instead of `path`. */
  readonly position?: { line: number; column: number };
}

/** A problem resolved to a place a person can open: the shape every output format renders. */
export interface Finding {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}
