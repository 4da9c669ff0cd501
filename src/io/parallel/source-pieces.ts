import { statSync, type Stats } from 'node:fs';
import { open } from 'node:fs/promises';
import { ioError } from '../csv/io-error.js';
import { readSourceHead, type ConsumerGroup } from '../data/read-source.js';
import type { CsvHeader } from '../csv/index.js';
import type { PieceOutcome } from './messages.js';
import { pieceSize, type ParallelSettings } from './parallel-settings.js';
import { splitPoints } from './split-file.js';
import type { WorkerPool } from './worker-pool.js';
import { isGzipFile } from './is-large-plain-file.js';
import { gzipContentSize, unpackGzip, type UnpackedFile } from './unpack-gzip.js';

/** One export of a source, in the order the source's files are read. */
export interface SourceFile {
  readonly path: string;
  readonly index: number;
}

/**
 * How a file is read: split into byte ranges (a plain file, or a gzip file's unpacked copy,
 * `openPath`), or whole by one worker (a gzip file that is small or cannot be unpacked).
 */
export type FileLayout =
  | { readonly kind: 'split'; readonly header: CsvHeader; readonly offset: number; readonly line: number; readonly size: number; readonly points: readonly number[]; readonly openPath?: string }
  | { readonly kind: 'whole' };

interface FileState {
  readonly file: SourceFile;
  /** Set when the file is planned (its header read and split points chosen): the first time it is opened or reached by `send`. */
  planned?: Promise<FileLayout>;
  /** The file's stat when it was planned, before any worker read it (see readUnchanged). */
  before: Stats | null;
  layout?: FileLayout;
  readonly outcomes: Promise<PieceOutcome>[];
  /** Task ids of the pieces sent, by piece. */
  readonly ids: number[];
  sent: number;
  /** A gzip file's unpacked copy, removed once the file is read. */
  unpacked?: UnpackedFile;
}

/**
 * Hands the pieces of every file of one source to the workers in file order, a bounded number
 * ahead of the merge: while the coordinator merges the end of one file, the workers already
 * read the next. A plain file of at least `minBytes` is split; any other file is one piece.
 */
export class SourcePieces {
  private readonly states: FileState[];
  private merged = 0; // pieces merged (or read again) so far, over all files
  private sentTotal = 0;
  private planning = 0; // index of the first file whose pieces are not all sent

  constructor(
    files: readonly SourceFile[],
    private readonly groups: readonly ConsumerGroup[],
    private readonly pool: WorkerPool,
    private readonly settings: ParallelSettings,
    private readonly sourceId: string,
    /** Stops unpacking a gzip export when the run is interrupted. */
    private readonly signal?: AbortSignal,
  ) {
    this.states = files.map((file) => ({ file, before: null, outcomes: [], ids: [], sent: 0 }));
  }

  /** The file's layout and its stat before reading; starts the pieces of this file and beyond. */
  async open(k: number): Promise<{ layout: FileLayout; before: Stats | null }> {
    const state = this.states[k]!;
    const layout = await this.plan(k);
    await this.send();
    return { layout, before: state.before };
  }

  /**
   * Sends no more pieces of file k: the coordinator reads the rest of it itself. Pieces sent
   * and not yet merged are dropped (those still queued are never read); the workers go on to
   * the next files.
   */
  abandon(k: number): void {
    const state = this.states[k]!;
    const dropped = Object.keys(state.outcomes).map(Number);
    this.pool.drop(new Set(dropped.map((j) => state.ids[j]!)));
    for (const j of dropped) delete state.outcomes[j];
    this.merged += dropped.length;
    const layout = state.layout;
    state.sent = layout === undefined || layout.kind === 'whole' ? 1 : layout.points.length - 1;
    void this.send();
  }

  /** Buffers of a merged piece, back to the workers for reuse. */
  recycle(buffers: Iterable<ArrayBuffer>): void {
    this.pool.recycle(buffers);
  }

  /** Piece j of file k (sent if it was not yet), to be merged in order. */
  async outcome(k: number, j: number): Promise<PieceOutcome> {
    const state = this.states[k]!;
    while (state.sent <= j) {
      const sent = this.sentTotal;
      await this.send(true);
      // Pieces are merged in the order they are sent: one that cannot be sent is a bug, not a wait.
      if (this.sentTotal === sent && state.sent <= j) throw new Error(`piece ${j + 1} of ${state.file.path} was never handed to a worker`);
    }
    const outcome = await state.outcomes[j]!;
    delete state.outcomes[j];
    this.merged++;
    void this.send();
    return outcome;
  }

  /** Plans file k once; its layout (a rejected promise when the header cannot be read). */
  private plan(k: number): Promise<FileLayout> {
    const state = this.states[k]!;
    if (state.planned !== undefined) return state.planned;
    try {
      state.before = statSync(state.file.path);
    } catch {
      state.before = null; // the read reports it
    }
    const planned = this.layoutOf(state, state.before).then((layout) => (state.layout = layout));
    planned.catch(() => undefined); // awaited by open(), which reports the error in file order
    state.planned = planned;
    return planned;
  }

  private async layoutOf(state: FileState, stats: Stats | null): Promise<FileLayout> {
    const { file } = state;
    // A file that cannot be opened is read whole: the worker fails, and the coordinator's own
    // read gives the message.
    if (stats === null) return { kind: 'whole' };
    let gzip: boolean;
    try {
      gzip = isGzipFile(file.path);
    } catch {
      return { kind: 'whole' };
    }
    let openPath = file.path;
    if (gzip) {
      const skip = (why: string): FileLayout => {
        this.settings.trace?.(`${file.path}: read whole by one worker (${why})`);
        return { kind: 'whole' };
      };
      if (!this.settings.unpackGzip) return skip('RMOS_GZIP_UNPACK=0');
      const content = gzipContentSize(file.path);
      if (content === null) return skip('its size field cannot be trusted');
      if (content < this.settings.minBytes) return skip('smaller than RMOS_PARALLEL_MIN_BYTES');
      const unpacked = await unpackGzip(file.path, content, this.signal, (why) => skip(why));
      if (unpacked === null) return { kind: 'whole' };
      state.unpacked = unpacked;
      openPath = unpacked.path;
    }
    const head = await readSourceHead(file.path, this.groups, openPath);
    const size = gzip ? statSync(openPath).size : stats.size;
    let points = [head.offset, size];
    if (size >= this.settings.minBytes) {
      const handle = await open(openPath, 'r').catch((error: unknown) => {
        throw ioError(file.path, error);
      });
      try {
        const shape = { width: head.header.names.length, delimiter: head.header.delimiter.charCodeAt(0) };
        points = await splitPoints(handle, head.offset, size, pieceSize(this.settings, size - head.offset), shape);
      } finally {
        await handle.close();
      }
    }
    return { kind: 'split', header: head.header, offset: head.offset, line: head.line, size, points, ...(gzip ? { openPath } : {}) };
  }

  /** Removes file k's unpacked copy, if any (its reader is done with it). */
  finished(k: number): void {
    const state = this.states[k]!;
    state.unpacked?.remove();
    delete state.unpacked;
  }

  /** Removes every unpacked copy still there (the run ended, or failed). */
  close(): void {
    for (let k = 0; k < this.states.length; k++) this.finished(k);
  }

  /**
   * Sends pieces while fewer than `ahead` are waiting to be merged (or, with `force`, at
   * least one more), planning the next files as it goes. A file whose plan fails (an
   * unreadable header) gets no pieces: its reader raises the error in order.
   */
  private async send(force = false): Promise<void> {
    const ahead = this.settings.threads * 4;
    while ((force || this.sentTotal - this.merged < ahead) && this.planning < this.states.length) {
      const current = this.planning;
      const state = this.states[current]!;
      let layout: FileLayout;
      try {
        layout = state.layout ?? (await this.plan(current));
      } catch {
        return;
      }
      // Another call may have moved on while this one waited for the plan.
      if (this.planning !== current) continue;
      const count = layout.kind === 'whole' ? 1 : layout.points.length - 1;
      if (state.sent >= count) {
        this.planning++;
        continue;
      }
      const j = state.sent++;
      this.sentTotal++;
      const { path, index } = state.file;
      const range = layout.kind === 'whole' ? null : { header: layout.header, start: layout.points[j]!, stop: layout.points[j + 1]! };
      const openPath = layout.kind === 'split' ? layout.openPath : undefined;
      state.ids[j] = this.sentTotal;
      state.outcomes[j] = this.pool.run({ id: this.sentTotal, sourceId: this.sourceId, path, fileIndex: index, range, ...(openPath ? { openPath } : {}) });
      force = false;
    }
  }
}
