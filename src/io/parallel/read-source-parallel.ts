import { open } from 'node:fs/promises';
import { ioError } from '../csv/io-error.js';
import { readSourceHead, readSourceRange, type ConsumerGroup, type FileRead, type ReadContext } from '../data/read-source.js';
import type { PieceDone, PieceOutcome } from './messages.js';
import { pieceSize, type ParallelSettings } from './parallel-settings.js';
import { mergeRunState, takeKeys } from './run-state.js';
import { splitPoints } from './split-file.js';
import type { WorkerPool } from './worker-pool.js';

export interface ParallelRead {
  readonly pool: WorkerPool;
  readonly settings: ParallelSettings;
  readonly sourceId: string;
}

/**
 * Reads one large plain file in pieces on the workers and merges them, in file order, into
 * `groups` — the result (state, rejects, duplicates, line numbers) is the single-threaded
 * one. A piece is read again here, in order and with the real state, when
 *  - it did not start where the previous piece ended (its start was inside a quoted field),
 *  - one of its keys was already seen in an earlier piece (a duplicate across pieces), or
 *  - its worker failed (a fatal CSV error is then raised with its exact line).
 */
export async function readSourceParallel(path: string, fileIndex: number, groups: readonly ConsumerGroup[], ctx: ReadContext, job: ParallelRead): Promise<FileRead> {
  const head = await readSourceHead(path, groups);
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw ioError(path, error);
  }
  let points: number[];
  let size: number;
  try {
    size = (await handle.stat()).size;
    const shape = { width: head.header.names.length, delimiter: head.header.delimiter.charCodeAt(0) };
    points = await splitPoints(handle, head.offset, size, pieceSize(job.settings, size - head.offset), shape);
  } finally {
    await handle.close();
  }

  const pieces = points.length - 1;
  const outcomes: (Promise<PieceOutcome> | undefined)[] = new Array(pieces);
  // Pieces sent ahead of the merge: enough to keep every worker busy, few enough to bound memory.
  const ahead = job.settings.threads * 4;
  let sent = 0;
  const send = (merged: number): void => {
    for (; sent < pieces && sent < merged + ahead; sent++) {
      outcomes[sent] = job.pool.run({ id: sent, sourceId: job.sourceId, path, fileIndex, header: head.header, start: points[sent]!, stop: points[sent + 1]! });
    }
  };

  const trace = job.settings.trace;
  let start = head.offset; // where the next record really starts
  let line = head.line;
  let rows = 0;
  for (let k = 0; k < pieces; k++) {
    send(k);
    const outcome = await outcomes[k]!;
    outcomes[k] = undefined;
    ctx.signal?.throwIfAborted();
    if (outcome.ok && points[k] === start && takeKeys(groups.flatMap((g) => g.runs), outcome.runs.flat(), line - 1)) {
      merge(groups, outcome, line - 1, ctx);
      if (k === 0 && pieces > 1) {
        // Size the key sets once, from the keys per byte of the first piece.
        const scale = (size - start) / (outcome.offset - start);
        groups.forEach((g, i) => g.runs.forEach((run, p) => run.expectKeys(Math.ceil((outcome.runs[i]![p]!.keys?.size ?? 0) * scale))));
      }
      trace?.(`${path} piece ${k + 1}/${pieces}: merged`);
      start = outcome.offset;
      line += outcome.line - 1;
      rows += outcome.records;
    } else {
      trace?.(`${path} piece ${k + 1}/${pieces}: read again (${!outcome.ok ? `worker: ${outcome.message}` : points[k] !== start ? 'started inside a record' : 'a key seen in an earlier piece'})`);
      const read = await readSourceRange(path, fileIndex, groups, ctx, { header: head.header, start, stop: points[k + 1]!, line });
      start = read.offset;
      line = read.line;
      rows += read.records;
    }
    ctx.onProgress?.(rows);
  }
  return { path, rows, bytes: size };
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
