import type { DuplicateRow } from '../../core/compute/source-run.js';
import type { Library } from '../../core/library/types.js';
import type { Period } from '../../core/periods/index.js';
import type { CsvHeader } from '../csv/index.js';
import type { Reject } from '../data/read-source.js';
import type { RunState } from './run-state.js';

/**
 * What a worker needs to rebuild the plans: plans hold compiled functions and cannot be
 * sent, so each worker plans again from the same (structured-cloned) libraries.
 */
export interface VariantSpec {
  readonly library: Library;
  readonly metricIds: readonly string[];
  readonly by: readonly string[];
  readonly periods: readonly Period[];
}

export interface WorkerInit {
  readonly variants: readonly VariantSpec[];
}

/** The records starting in [start, stop) of a plain file, whose header was read already; lines count from 1 at `start`. */
export interface PieceRange {
  readonly header: CsvHeader;
  readonly start: number;
  readonly stop: number;
}

/** Read one piece of a file: a range, or (`range: null`) the whole file, header and all, with its own line numbers. */
export interface PieceTask {
  readonly id: number;
  readonly sourceId: string;
  /** The export, as messages name it. */
  readonly path: string;
  /** The file to read, when not `path`: a gzip export's unpacked copy. */
  readonly openPath?: string;
  readonly fileIndex: number;
  readonly range: PieceRange | null;
  /** Buffers of merged pieces' logs, sent back for the worker to reuse (spare-buffers.ts). */
  readonly spare?: ArrayBuffer[];
}

/** Rejects and duplicates in the order the single-threaded reader reports them. */
export type PieceEvent =
  | { readonly type: 'reject'; readonly reject: Reject }
  | { readonly type: 'duplicate'; readonly group: number; readonly duplicate: DuplicateRow };

export interface PieceDone {
  readonly id: number;
  readonly ok: true;
  readonly records: number;
  /** Where the record after the piece's last one starts, and its line (counted from 1 at `start`); a whole file: its size and last line. */
  readonly offset: number;
  readonly line: number;
  /** Per consumer group, per period: the runs' states. */
  readonly runs: readonly (readonly RunState[])[];
  readonly events: readonly PieceEvent[];
}

export interface PieceFailed {
  readonly id: number;
  readonly ok: false;
  readonly message: string;
}

export type PieceOutcome = PieceDone | PieceFailed;
