import { accumulatorState, mergeAccumulator, type AccumulatorState } from '../../core/compute/accumulators.js';
import type { Accounting } from '../../core/compute/accounting.js';
import { loggedKeyCount, type LoggedKeys } from '../../core/compute/key-set.js';
import type { SourceRun } from '../../core/compute/source-run.js';

/** One metric's state after one piece of a file, as plain data. */
export interface MetricState {
  readonly accounting: Accounting;
  readonly overall: readonly AccumulatorState[];
  readonly segments: readonly { key: string; dimensions: readonly (string | null)[]; used: number; measures: readonly AccumulatorState[] }[];
}

/** A mergeable SourceRun's state after one piece: what a worker sends back. */
export interface RunState {
  readonly metrics: readonly MetricState[];
  readonly keys: LoggedKeys | null;
}

export function runState(run: SourceRun): RunState {
  const log = run.keyLog;
  return {
    metrics: run.metrics.map((m) => ({
      accounting: { ...m.accounting, excluded: { ...m.accounting.excluded } }, // the run is reset for the next piece
      overall: m.overall.map(accumulatorState),
      segments: [...m.segments].map(([key, s]) => ({ key, dimensions: s.dimensions, used: s.used, measures: s.measures.map(accumulatorState) })),
    })),
    keys: log ? { hashes: log.hashes.subarray(0, log.size * 2), ids: log.ids.subarray(0, log.size), locations: log.locations.subarray(0, log.size), size: log.size, chunks: run.keyChunks() } : null,
  };
}

/** The buffers of a state's typed arrays, to transfer rather than copy. */
export function stateBuffers(states: readonly RunState[], into: Set<ArrayBuffer>): void {
  for (const state of states) {
    if (state.keys) {
      into.add(state.keys.hashes.buffer as ArrayBuffer);
      into.add(state.keys.ids.buffer as ArrayBuffer);
      into.add(state.keys.locations.buffer as ArrayBuffer);
    }
    for (const m of state.metrics) {
      // Only value logs (quantiles) are transferred, and recycled into the workers' spare
      // buffers. Sums and averages send a few partials each, in arrays of their own: cloned.
      for (const s of [...m.overall, ...m.segments.flatMap((seg) => seg.measures)]) if (s.kind === 'replay') into.add(s.values.buffer as ArrayBuffer);
    }
  }
}

/**
 * Adds a piece's state to `target`, which has read everything before the piece: counts add,
 * sums and averages add their exact partials, quantiles replay the piece's values in order,
 * keys join the key set with their lines shifted by `lineOffset`. The keys must have been
 * taken first (takeKeys).
 */
export function mergeRunState(target: SourceRun, state: RunState): void {
  state.metrics.forEach((m, i) => {
    const run = target.metrics[i]!;
    addAccounting(run.accounting, m.accounting);
    m.overall.forEach((s, j) => mergeAccumulator(run.overall[j]!, s));
    for (const segment of m.segments) {
      const into = run.segmentFor(segment.key, segment.dimensions);
      into.used += segment.used;
      segment.measures.forEach((s, j) => mergeAccumulator(into.measures[j]!, s));
    }
  });
}

/**
 * Adds every run's piece keys to the runs' key sets — or none, returning false, when some key
 * was already seen in an earlier piece (the piece must then be read again in order).
 */
export function takeKeys(runs: readonly SourceRun[], states: readonly RunState[], lineOffset: number): boolean {
  // Keys put past a key set's budget cannot be taken back: such sets are checked before any is added to.
  const lasting = runs.map((run, i) => states[i]!.keys !== null && run.keysMayOverflow(loggedKeyCount(states[i]!.keys!)));
  for (let i = 0; i < runs.length; i++) if (lasting[i] && runs[i]!.repeatsAnyOf(states[i]!.keys!, lineOffset)) return false;
  for (let i = 0; i < runs.length; i++) {
    const keys = states[i]!.keys;
    if (keys === null || lasting[i] || runs[i]!.adoptKeys(keys, lineOffset)) continue;
    for (let j = 0; j < i; j++) {
      const taken = states[j]!.keys;
      if (taken !== null && !lasting[j]) runs[j]!.dropKeys(taken);
    }
    return false;
  }
  for (let i = 0; i < runs.length; i++) if (lasting[i]) runs[i]!.adoptKeys(states[i]!.keys!, lineOffset);
  return true;
}

function addAccounting(into: Accounting, from: Accounting): void {
  into.read += from.read;
  into.out_of_period += from.out_of_period;
  into.duplicate += from.duplicate;
  into.missing += from.missing;
  into.invalid += from.invalid;
  into.used += from.used;
  for (const name of Object.keys(into.excluded)) into.excluded[name]! += from.excluded[name] ?? 0;
}
