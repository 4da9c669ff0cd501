import { analyzeLibrary } from '../../core/library/analyze-metric.js';
import { planCompute, type SourcePlan } from '../../core/compute/plan.js';
import { KeySet } from '../../core/compute/key-set.js';
import { SourceRun, type DuplicateRow } from '../../core/compute/source-run.js';
import type { Period } from '../../core/periods/index.js';
import { RangeDecoders, readSourceFile, readSourceRange, type ConsumerGroup, type Reject } from '../data/read-source.js';
import type { PieceDone, PieceEvent, PieceTask, WorkerInit } from './messages.js';
import { runState, stateBuffers } from './run-state.js';

interface GroupPlan {
  readonly plan: SourcePlan;
  readonly periods: readonly Period[];
  readonly timezone: string;
}

/** Plans one source's consumer groups in the order computeVariants builds them. */
export function planGroups(init: WorkerInit, sourceId: string): GroupPlan[] {
  return init.variants.flatMap((v) => {
    const plan = planCompute(analyzeLibrary(v.library), v.metricIds, v.by).sources.find((s) => s.source.id === sourceId);
    return plan ? [{ plan, periods: v.periods, timezone: v.library.manifest.timezone }] : [];
  });
}

/** A key set's first size, in keys (a piece of 4 MiB holds about 60,000 rows; it grows as needed). */
const FIRST_KEYS = 65_536;

/**
 * The runs and decoders of one source, kept from piece to piece: each piece resets the runs
 * (their state went with the last piece) rather than making new ones, so the row code
 * generated for them is made once per worker and its call sites keep what they learnt.
 */
class SourceReader {
  readonly groups: ConsumerGroup[];
  readonly decoders: RangeDecoders;
  /** The events of the piece being read. */
  events: PieceEvent[] = [];
  busy = false;

  constructor(groupPlans: readonly GroupPlan[]) {
    this.groups = groupPlans.map((g, group) => ({
      plan: g.plan,
      timezone: g.timezone,
      // As in computeVariants, only the first period reports duplicates. `at` is a reused object: copied.
      runs: g.periods.map((period, i) => {
        const onDuplicate = i === 0 ? (d: DuplicateRow) => this.events.push({ type: 'duplicate', group, duplicate: { key: d.key, at: { ...d.at }, first: d.first } }) : () => undefined;
        return new SourceRun(g.plan, period, g.timezone, onDuplicate, true, g.plan.keySlot >= 0 ? new KeySet(FIRST_KEYS) : undefined);
      }),
    }));
    this.decoders = new RangeDecoders(this.groups);
  }
}

const readers = new Map<readonly GroupPlan[], SourceReader>();

/** The source's reader, reset for a new piece (a new one if the kept one is busy). */
function readerFor(groupPlans: readonly GroupPlan[]): SourceReader {
  const kept = readers.get(groupPlans);
  if (kept !== undefined && !kept.busy) {
    for (const g of kept.groups) for (const run of g.runs) run.reset();
    kept.events = [];
    return kept;
  }
  const reader = new SourceReader(groupPlans);
  if (kept === undefined) readers.set(groupPlans, reader);
  return reader;
}

/** Reads one piece into the source's mergeable runs; returns their states and the buffers to transfer. */
export async function readPiece(groupPlans: readonly GroupPlan[], task: PieceTask): Promise<{ done: PieceDone; transfer: ArrayBuffer[] }> {
  const reader = readerFor(groupPlans);
  const { groups } = reader;
  reader.busy = true;
  const ctx = { timezone: groups[0]!.timezone, onReject: (reject: Reject) => reader.events.push({ type: 'reject', reject }) };
  let read: { records: number; offset: number; line: number };
  try {
    const { range } = task;
    if (range !== null) {
      read = await readSourceRange(task.path, task.fileIndex, groups, ctx, { header: range.header, start: range.start, stop: range.stop, line: 1 }, task.openPath, reader.decoders);
    } else {
      const whole = await readSourceFile(task.path, task.fileIndex, groups, ctx);
      read = { records: whole.rows, offset: whole.bytes, line: 0 };
    }
  } finally {
    reader.busy = false;
  }
  const runs = groups.map((g) => g.runs.map(runState));
  const buffers = new Set<ArrayBuffer>();
  for (const states of runs) stateBuffers(states, buffers);
  return { done: { id: task.id, ok: true, records: read.records, offset: read.offset, line: read.line, runs, events: reader.events }, transfer: [...buffers] };
}
