import type { Scalar } from '../expression/runtime.js';
import { localDay } from '../periods/index.js';
import { MS_PER_DAY } from '../periods/epoch-day.js';
import { isUtcZone } from '../periods/time-zone.js';
import type { Period } from '../periods/index.js';
import { createAccumulator, type Accumulator } from './accumulators.js';
import { emptyAccounting, type Accounting } from './accounting.js';
import type { KeyCell } from './key-cell.js';
import type { ChunkState } from './dense-keys.js';
import { KeyLog, KeySet, type LoggedKeys } from './key-set.js';
import { compileConsume, IN, OUT, UNKNOWN, type Consume, type ConsumeHost } from './compile-consume.js';
import type { MetricSourcePlan, SourcePlan } from './plan.js';

/** Where a row came from: the index of its file in the run's file list and its line. */
export interface RowLocation {
  readonly file: number;
  readonly line: number;
}

export interface DuplicateRow {
  readonly key: string;
  readonly at: RowLocation;
  readonly first: RowLocation;
}

export interface SegmentState {
  readonly dimensions: readonly (string | null)[];
  readonly measures: Accumulator[];
  used: number;
}

/** The running state of one metric over one source. */
export class MetricSourceRun {
  readonly accounting: Accounting;
  readonly overall: Accumulator[];
  readonly segments = new Map<string, SegmentState>();
  /** Segments by their number in the source's SegmentIndex for this metric's dimensions. */
  private readonly numbered: (SegmentState | undefined)[] = [];

  constructor(readonly plan: MetricSourcePlan) {
    this.accounting = emptyAccounting(plan.exclusions.map((e) => e.name));
    this.overall = this.newMeasures();
  }

  /** Back to no rows read, keeping its objects (the generated code holds them): for the next piece. */
  reset(): void {
    const a = this.accounting;
    a.read = a.out_of_period = a.duplicate = a.missing = a.invalid = a.used = 0;
    for (const name of Object.keys(a.excluded)) a.excluded[name] = 0;
    const fresh = this.newMeasures();
    for (let i = 0; i < fresh.length; i++) this.overall[i] = fresh[i]!;
    this.segments.clear();
    this.numbered.length = 0;
  }

  newMeasures(): Accumulator[] {
    return this.plan.measures.map((m) => createAccumulator(m.aggregate, m.slot >= 0, m.p));
  }

  /** The segment with this key (as built from its dimension values), created if new: for merging. */
  segmentFor(key: string, dimensions: readonly (string | null)[]): SegmentState {
    let state = this.segments.get(key);
    if (!state) {
      state = { dimensions, measures: this.newMeasures(), used: 0 };
      this.segments.set(key, state);
    }
    return state;
  }

  /** The segment numbered `index` by the source's SegmentIndex, whose dimension values `values` holds. */
  segmentAt(index: number, values: readonly Scalar[]): SegmentState {
    let found = this.numbered[index];
    if (found === undefined) {
      found = this.segmentByKey(values);
      this.numbered[index] = found;
    }
    return found;
  }

  /** The segment's entry in `segments`, keyed by its dimension values' text. */
  private segmentByKey(values: readonly Scalar[]): SegmentState {
    const slots = this.plan.dimensionSlots;
    let key = '';
    for (let i = 0; i < slots.length; i++) {
      const v = values[slots[i]!];
      key += v === null ? '\u0000' : `${String(v)}\u0001`;
    }
    let state = this.segments.get(key);
    if (!state) {
      state = { dimensions: slots.map((s) => (values[s] === null ? null : String(values[s]))), measures: this.newMeasures(), used: 0 };
      this.segments.set(key, state);
    }
    return state;
  }
}

/**
 * Numbers the combinations of values in some dimension columns as rows bring them: 0, 1, 2...
 * One Map level per dimension, keyed by the value itself, so no key string is built per row.
 * The metrics of a source segmented by the same dimensions share one index: a row's segment is
 * looked up once, not once per metric.
 */
export class SegmentIndex {
  private readonly lookup = new Map<Scalar, unknown>();
  private count = 0;

  constructor(readonly slots: readonly number[]) {}

  index(values: readonly Scalar[]): number {
    const slots = this.slots;
    let level = this.lookup;
    const last = slots.length - 1;
    for (let i = 0; i < last; i++) {
      const v = values[slots[i]!]!;
      let next = level.get(v) as Map<Scalar, unknown> | undefined;
      if (next === undefined) {
        next = new Map();
        level.set(v, next);
      }
      level = next;
    }
    const leaf = values[slots[last]!]!;
    let found = level.get(leaf) as number | undefined;
    if (found === undefined) {
      found = this.count++;
      level.set(leaf, found);
    }
    return found;
  }
}

/**
 * Classifies and measures every row of one source for every metric reading it.
 * Keys are remembered only for rows some metric places in the period (or cannot
 * place), so memory follows the rows that matter, not the size of the files.
 */
export class SourceRun implements ConsumeHost {
  readonly metrics: MetricSourceRun[];
  private readonly seenKeys: KeySet;
  /**
   * Mergeable runs log every key they see first that their key set's hash table takes, in
   * order, so a merge can find repeats; the keys with a dense id go with the set's chunks.
   */
  readonly keyLog: KeyLog | null;
  private readonly utc: boolean;

  /**
   * `mergeable`: this run reads one part of the input, and its state is merged later into
   * a run that read everything before it (src/io/parallel). `keys`: an empty key set to use.
   */
  constructor(
    readonly plan: SourcePlan,
    private readonly period: Period,
    private readonly timezone: string,
    readonly onDuplicate: (duplicate: DuplicateRow) => void,
    mergeable = false,
    keys = new KeySet(),
  ) {
    this.seenKeys = keys;
    this.metrics = plan.tasks.map((task) => new MetricSourceRun(task));
    this.keyLog = mergeable && plan.keySlot >= 0 ? new KeyLog() : null;
    this.utc = isUtcZone(timezone);
    const indexes = new Map<string, SegmentIndex>();
    const indexOf = (slots: readonly number[]): SegmentIndex => {
      const key = slots.join(',');
      let index = indexes.get(key);
      if (index === undefined) {
        index = new SegmentIndex(slots);
        indexes.set(key, index);
      }
      return index;
    };
    this.consume = compileConsume({
      host: this,
      tasks: this.metrics.map((run) => ({
        plan: run.plan,
        accounting: run.accounting,
        overall: run.overall,
        segments: run,
        index: run.plan.dimensionSlots.length > 0 ? indexOf(run.plan.dimensionSlots) : null,
      })),
    });
  }

  /**
   * Back to no rows read, for a mergeable run that reads another piece: its state was sent
   * (runState), and the generated code and its call sites are kept for the next piece.
   */
  reset(): void {
    for (const m of this.metrics) m.reset();
    this.seenKeys.clear();
    this.keyLog?.reset();
  }

  /** OUT, IN or UNKNOWN: where the row's value in the time column `slot` falls against the period. */
  place(values: readonly Scalar[], invalid: Uint8Array, slot: number, isDate: boolean): number {
    const time = values[slot];
    if (time === null || invalid[slot] === 1) return UNKNOWN;
    const day = isDate ? (time as number) : this.utc ? Math.floor((time as number) / MS_PER_DAY) : localDay(time as number, this.timezone);
    return day >= this.period.start && day <= this.period.end ? IN : OUT;
  }

  /**
   * Takes one decoded row. `invalid[slot]` is 1 where the cell did not match its type.
   * Returns true when some metric counted the row as invalid: only then are its
   * invalid cells reported, so that --rejects and the accounting always agree.
   * `key` is the row's key (plan.keySlot), as the decoder read it. See compileConsume.
   */
  readonly consume: Consume;

  checkKey(key: KeyCell, at: RowLocation): boolean {
    const location = at.file * 0x1_0000_0000 + at.line;
    const first = this.seenKeys.add(key.h1, key.h2, key.id, location);
    if (first === undefined) {
      // A key in a dense id's chunk goes with the chunk (keyChunks), not in the log.
      if (this.keyLog !== null && !this.seenKeys.chunked) this.keyLog.push(key.h1, key.h2, key.id, location);
      return false;
    }
    this.onDuplicate({ key: key.text(), at, first: { file: Math.floor(first / 0x1_0000_0000), line: first % 0x1_0000_0000 } });
    return true;
  }

  /**
   * Takes a later part's keys, their lines shifted by `lineOffset`, unless one of them was
   * already seen (a duplicate across parts): then nothing is taken and the result is false.
   */
  adoptKeys(log: LoggedKeys, lineOffset: number): boolean {
    return this.seenKeys.addAll(log, lineOffset);
  }

  /** The key set's dense-id chunks as plain data: with keyLog, every key this run has seen. */
  keyChunks(): ChunkState[] {
    return this.seenKeys.exportChunks();
  }

  /** Keys seen so far. */
  get keyCount(): number {
    return this.seenKeys.size;
  }

  /** Makes room for about `total` keys (a reader that knows how many rows are coming). */
  expectKeys(total: number): void {
    if (this.plan.keySlot >= 0) this.seenKeys.reserve(total);
  }

  /** Whether adoptKeys of a log of `n` keys may put keys past the key set's budget: it cannot be undone then. */
  keysMayOverflow(n: number): boolean {
    return this.plan.keySlot >= 0 && this.seenKeys.mayOverflow(n);
  }

  /** Whether one of a later part's keys (lines shifted by `lineOffset`) was seen already. */
  repeatsAnyOf(log: LoggedKeys, lineOffset: number): boolean {
    return this.seenKeys.holdsAnyOf(log, lineOffset);
  }

  /** True once keys went past the key set's budget. */
  get keysOverflowed(): boolean {
    return this.seenKeys.overflowed;
  }

  /** Undoes adoptKeys. */
  dropKeys(log: LoggedKeys): void {
    this.seenKeys.removeAll(log);
  }
}
