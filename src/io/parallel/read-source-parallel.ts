import type { Stats } from 'node:fs';
import { readSourceFile, readSourceRange, type ConsumerGroup, type FileRead, type ReadContext } from '../data/read-source.js';
import type { PieceDone } from './messages.js';
import type { ParallelSettings } from './parallel-settings.js';
import { loggedKeyCount, type LoggedKeys } from '../../core/compute/key-set.js';
import { mergeRunState, stateBuffers, takeKeys } from './run-state.js';
import type { SourcePieces } from './source-pieces.js';

export interface ParallelRead {
  readonly pieces: SourcePieces;
  /** The file's position in the source's file list (SourcePieces' numbering). */
  readonly file: number;
  readonly settings: ParallelSettings;
}

/**
 * Reads one file of a source from pieces the workers read, merging them in file order into
 * `groups` — the result (state, rejects, duplicates, line numbers) is the single-threaded
 * one. `onOpen` gets the file's stat from before any worker read it. A piece is read again
 * here, in order and with the real state, when
 *  - it did not start where the previous piece ended (its start was inside a quoted field),
 *  - one of its keys was already seen in an earlier piece (a duplicate across pieces), or
 *  - its worker failed (a fatal CSV error is then raised with its exact line).
 */
export async function readSourceParallel(path: string, fileIndex: number, groups: readonly ConsumerGroup[], ctx: ReadContext, job: ParallelRead, onOpen?: (before: Stats | null) => void): Promise<FileRead> {
  const { layout, before } = await abortable(job.pieces.open(job.file), ctx.signal);
  onOpen?.(before);
  const trace = job.settings.trace;
  const runs = groups.flatMap((g) => g.runs);

  if (layout.kind === 'whole') {
    const outcome = await abortable(job.pieces.outcome(job.file, 0), ctx.signal);
    ctx.signal?.throwIfAborted();
    if (outcome.ok && takeKeys(runs, outcome.runs.flat(), 0)) {
      merge(groups, outcome, 0, ctx);
      recycle(job, outcome);
      trace?.(`${path} whole file: merged`);
      ctx.onProgress?.(outcome.records);
      return { path, rows: outcome.records, bytes: outcome.offset };
    }
    trace?.(`${path} whole file: read again (${!outcome.ok ? `worker: ${outcome.message}` : 'a key seen in an earlier piece'})`);
    if (outcome.ok) recycle(job, outcome);
    return readSourceFile(path, fileIndex, groups, ctx);
  }

  const { points, header, size, openPath } = layout;
  const pieces = points.length - 1;
  let start = layout.offset; // where the next record really starts
  let line = layout.line;
  let rows = 0;
  let repeating = 0; // pieces in a row read again for a key seen in an earlier piece
  for (let k = 0; k < pieces; k++) {
    const outcome = await abortable(job.pieces.outcome(job.file, k), ctx.signal);
    ctx.signal?.throwIfAborted();
    if (outcome.ok && points[k] === start && takeKeys(runs, outcome.runs.flat(), line - 1)) {
      merge(groups, outcome, line - 1, ctx);
      if (k === 0 && pieces > 1) {
        // Size the key sets once, from the keys per byte of the first piece.
        const scale = (size - start) / (outcome.offset - start);
        groups.forEach((g, i) => g.runs.forEach((run, p) => run.expectKeys(Math.ceil(keyCount(outcome.runs[i]![p]!.keys) * scale))));
      }
      recycle(job, outcome);
      repeating = 0;
      trace?.(`${path} piece ${k + 1}/${pieces}: merged`);
      start = outcome.offset;
      line += outcome.line - 1;
      rows += outcome.records;
    } else {
      trace?.(`${path} piece ${k + 1}/${pieces}: read again (${!outcome.ok ? `worker: ${outcome.message}` : points[k] !== start ? 'started inside a record' : 'a key seen in an earlier piece'})`);
      if (outcome.ok) recycle(job, outcome);
      // Keys of earlier pieces repeating piece after piece (duplicates spread through the file,
      // or two exports run together): every piece would be read twice, so the rest is read here.
      const rest = outcome.ok && points[k] === start && ++repeating >= 2 && k < pieces - 1;
      if (rest) {
        job.pieces.abandon(job.file);
        trace?.(`${path} pieces ${k + 1}-${pieces}/${pieces}: read here (keys seen in earlier pieces keep repeating)`);
      }
      const read = await readSourceRange(path, fileIndex, groups, ctx, { header, start, stop: rest ? points[pieces]! : points[k + 1]!, line }, openPath);
      start = read.offset;
      line = read.line;
      rows += read.records;
      if (rest) {
        ctx.onProgress?.(rows);
        break;
      }
    }
    ctx.onProgress?.(rows);
  }
  job.pieces.finished(job.file);
  return { path, rows, bytes: size };
}

function keyCount(keys: LoggedKeys | null): number {
  return keys === null ? 0 : loggedKeyCount(keys);
}

/** Sends a merged piece's buffers back to the workers: its typed arrays are unusable afterwards. */
function recycle(job: ParallelRead, piece: PieceDone): void {
  const buffers = new Set<ArrayBuffer>();
  for (const states of piece.runs) stateBuffers(states, buffers);
  job.pieces.recycle(buffers);
}

/** Adds a piece to the runs and reports its rejects and duplicates, lines shifted to the file's. */
function merge(groups: readonly ConsumerGroup[], piece: PieceDone, lineOffset: number, ctx: ReadContext): void {
  groups.forEach((g, i) => g.runs.forEach((run, p) => mergeRunState(run, piece.runs[i]![p]!)));
  for (const event of piece.events) {
    if (event.type === 'reject') {
      ctx.onReject({ ...event.reject, line: event.reject.line + lineOffset });
    } else {
      const { key, at, first } = event.duplicate;
      groups[event.group]!.runs[0]!.onDuplicate({ key, at: { file: at.file, line: at.line + lineOffset }, first: { file: first.file, line: first.line + lineOffset } });
    }
  }
}

/**
 * The promise's value, or the signal's reason as soon as it aborts: an interrupted run does
 * not wait for a worker (a large gzip file read whole) or for unpacking to finish.
 */
function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return promise;
  signal.throwIfAborted();
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
