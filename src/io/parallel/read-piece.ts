import { analyzeLibrary } from '../../core/library/analyze-metric.js';
import { planCompute, type SourcePlan } from '../../core/compute/plan.js';
import { SourceRun } from '../../core/compute/source-run.js';
import type { Period } from '../../core/periods/index.js';
import { readSourceRange, type ConsumerGroup, type Reject } from '../data/read-source.js';
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

/** Reads one piece into fresh mergeable runs; returns their states and the buffers to transfer. */
export async function readPiece(groupPlans: readonly GroupPlan[], task: PieceTask): Promise<{ done: PieceDone; transfer: ArrayBuffer[] }> {
  const events: PieceEvent[] = [];
  const groups: ConsumerGroup[] = groupPlans.map((g, group) => ({
    plan: g.plan,
    timezone: g.timezone,
    // As in computeVariants, only the first period reports duplicates. `at` is a reused object: copied.
    runs: g.periods.map(
      (period, i) => new SourceRun(g.plan, period, g.timezone, i === 0 ? (d) => events.push({ type: 'duplicate', group, duplicate: { key: d.key, at: { ...d.at }, first: d.first } }) : () => undefined, true),
    ),
  }));
  const ctx = { timezone: groups[0]!.timezone, onReject: (reject: Reject) => events.push({ type: 'reject', reject }) };
  const read = await readSourceRange(task.path, task.fileIndex, groups, ctx, { header: task.header, start: task.start, stop: task.stop, line: 1 });
  const runs = groups.map((g) => g.runs.map(runState));
  const buffers = new Set<ArrayBuffer>();
  for (const states of runs) stateBuffers(states, buffers);
  return { done: { id: task.id, ok: true, records: read.records, offset: read.offset, line: read.line, runs, events }, transfer: [...buffers] };
}
