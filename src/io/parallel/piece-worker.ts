// Entry point of a parallel-reading worker (bundled as dist/parallel-worker.js).
import { parentPort, workerData } from 'node:worker_threads';
import { giveBuffer, useSpareBuffers } from '../../core/compute/spare-buffers.js';
import type { PieceFailed, PieceTask, WorkerInit } from './messages.js';
import { planGroups, readPiece } from './read-piece.js';

const init = workerData as WorkerInit;
const plans = new Map<string, ReturnType<typeof planGroups>>();

function groupsOf(sourceId: string): ReturnType<typeof planGroups> {
  let groups = plans.get(sourceId);
  if (!groups) {
    groups = planGroups(init, sourceId);
    plans.set(sourceId, groups);
  }
  return groups;
}

useSpareBuffers(true);

/** Tasks are read one after the other, in the order they came (the pool holds two here at once). */
let reading: Promise<void> = Promise.resolve();

parentPort!.on('message', (task: PieceTask) => {
  for (const buffer of task.spare ?? []) giveBuffer(buffer);
  reading = reading.then(() => groupsOf(task.sourceId)).then((groups) => readPiece(groups, task)).then(
    ({ done, transfer }) => parentPort!.postMessage(done, transfer),
    (error: unknown) => {
      const failed: PieceFailed = { id: task.id, ok: false, message: error instanceof Error ? error.message : String(error) };
      parentPort!.postMessage(failed);
    },
  );
});
