import { Worker } from 'node:worker_threads';
import type { PieceOutcome, PieceTask, WorkerInit } from './messages.js';

interface Job {
  readonly task: PieceTask;
  readonly resolve: (outcome: PieceOutcome) => void;
}

interface Slot {
  readonly worker: Worker;
  /** Tasks sent to the worker and not finished, in the order it reads them. */
  readonly sent: Job[];
}

const RETURN_LIMIT = 32 * 1024 * 1024;

/**
 * Tasks a worker holds at once: the one it reads and the next, so that it goes on to the next
 * piece at once instead of waiting for the main thread to take its result and send another.
 */
const IN_FLIGHT = 2;

/**
 * A fixed set of workers reading pieces. `run` never rejects: a failed piece (a worker error,
 * or a worker that died) resolves as `ok: false`, and the coordinator reads it itself.
 */
export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private closed = false;
  /** Buffers of merged pieces, to go back to the workers with their next tasks. */
  private returning: ArrayBuffer[] = [];
  private returningBytes = 0;

  constructor(url: URL, size: number, init: WorkerInit) {
    for (let i = 0; i < size; i++) {
      const worker = new Worker(url, { workerData: init });
      const slot: Slot = { worker, sent: [] };
      worker.on('message', (outcome: PieceOutcome) => this.finish(slot, outcome));
      const fail = (message: string): void => {
        for (const job of slot.sent.splice(0)) job.resolve({ id: job.task.id, ok: false, message });
        this.next();
      };
      worker.on('error', (error) => fail(error.message));
      worker.on('exit', () => {
        this.slots.splice(this.slots.indexOf(slot), 1);
        fail('the worker stopped');
        // With no worker left, queued pieces fail too (and are read by the coordinator).
        if (this.slots.length === 0) for (const job of this.queue.splice(0)) job.resolve({ id: job.task.id, ok: false, message: 'no worker' });
      });
      this.slots.push(slot);
    }
  }

  run(task: PieceTask): Promise<PieceOutcome> {
    return new Promise((resolve) => {
      if (this.closed || this.slots.length === 0) return resolve({ id: task.id, ok: false, message: 'no worker' });
      this.queue.push({ task, resolve });
      this.next();
    });
  }

  /** Sends buffers nothing uses any more back to the workers (with the next tasks), for reuse. */
  recycle(buffers: Iterable<ArrayBuffer>): void {
    for (const buffer of buffers) {
      // Two tasks' worth at most: past that they are left to the garbage collector.
      if (buffer.byteLength === 0 || this.returningBytes + buffer.byteLength > RETURN_LIMIT) continue;
      this.returning.push(buffer);
      this.returningBytes += buffer.byteLength;
    }
  }

  /** Drops the queued tasks with these ids (they resolve as not read); running ones finish. */
  drop(ids: ReadonlySet<number>): void {
    for (let i = this.queue.length - 1; i >= 0; i--) {
      const job = this.queue[i]!;
      if (!ids.has(job.task.id)) continue;
      this.queue.splice(i, 1);
      job.resolve({ id: job.task.id, ok: false, message: 'dropped' });
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.resolve({ id: job.task.id, ok: false, message: 'closed' });
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private finish(slot: Slot, outcome: PieceOutcome): void {
    // The worker reads its tasks in order (piece-worker.ts): the result is the first one's.
    const at = slot.sent.findIndex((job) => job.task.id === outcome.id);
    if (at >= 0) slot.sent.splice(at, 1)[0]!.resolve(outcome);
    this.next();
  }

  private next(): void {
    for (let round = 0; round < IN_FLIGHT; round++) this.sendRound();
  }

  /** Sends one queued task to each worker holding fewer than IN_FLIGHT, the least busy first. */
  private sendRound(): void {
    for (const slot of [...this.slots].sort((a, b) => a.sent.length - b.sent.length)) {
      if (this.queue.length === 0) return;
      if (slot.sent.length >= IN_FLIGHT) continue;
      const job = this.queue.shift()!;
      slot.sent.push(job);
      if (this.returning.length === 0) slot.worker.postMessage(job.task);
      else {
        const spare = this.returning;
        this.returning = [];
        this.returningBytes = 0;
        slot.worker.postMessage({ ...job.task, spare }, spare);
      }
    }
  }
}
