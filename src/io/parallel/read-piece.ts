import { analyzeLibrary } from '../../core/library/analyze-metric.js';
import { planCompute, type SourcePlan } from '../../core/compute/plan.js';
import { KeySet } from '../../core/compute/key-set.js';
import { SourceRun, type DuplicateRow } from '../../core/compute/source-run.js';
import type { Period } from '../../core/periods/index.js';
import { readSourceFile, readSourceRange, type ConsumerGroup, type Reject } from '../data/read-source.js';
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

/** A key set's first size for a whole file (a small or gzip file; it grows as needed). */
const WHOLE_FILE_BYTES = 4 * 1024 * 1024;

/** Key sets of finished pieces, emptied and reused: a new table per piece would grow from small each time. */
const spareKeySets: KeySet[] = [];

function keySetFor(pieceBytes: number): KeySet {
  const spare = spareKeySets.pop();
  if (spare === undefined) return new KeySet(Math.ceil(pieceBytes / 64));
  spare.clear();
  return spare;
}

/** Reads one piece into fresh mergeable runs; returns their states and the buffers to transfer. */
export async function readPiece(groupPlans: readonly GroupPlan[], task: PieceTask): Promise<{ done: PieceDone; transfer: ArrayBuffer[] }> {
  const events: PieceEvent[] = [];
  const keySets: KeySet[] = [];
  const groups: ConsumerGroup[] = groupPlans.map((g, group) => ({
    plan: g.plan,
    timezone: g.timezone,
    // As in computeVariants, only the first period reports duplicates. `at` is a reused object: copied.
    runs: g.periods.map((period, i) => {
      const onDuplicate = i === 0 ? (d: DuplicateRow) => events.push({ type: 'duplicate', group, duplicate: { key: d.key, at: { ...d.at }, first: d.first } }) : () => undefined;
      const keys = g.plan.keySlot >= 0 ? keySetFor(task.range ? task.range.stop - task.range.start : WHOLE_FILE_BYTES) : undefined;
      if (keys) keySets.push(keys);
      return new SourceRun(g.plan, period, g.timezone, onDuplicate, true, keys);
    }),
  }));
  const ctx = { timezone: groups[0]!.timezone, onReject: (reject: Reject) => events.push({ type: 'reject', reject }) };
  let read: { records: number; offset: number; line: number };
  try {
    const { range } = task;
    if (range !== null) {
      read = await readSourceRange(task.path, task.fileIndex, groups, ctx, { header: range.header, start: range.start, stop: range.stop, line: 1 }, task.openPath);
    } else {
      const whole = await readSourceFile(task.path, task.fileIndex, groups, ctx);
      read = { records: whole.rows, offset: whole.bytes, line: 0 };
    }
  } finally {
    spareKeySets.push(...keySets);
  }
  const runs = groups.map((g) => g.runs.map(runState));
  const buffers = new Set<ArrayBuffer>();
  for (const states of runs) stateBuffers(states, buffers);
  return { done: { id: task.id, ok: true, records: read.records, offset: read.offset, line: read.line, runs, events }, transfer: [...buffers] };
}
