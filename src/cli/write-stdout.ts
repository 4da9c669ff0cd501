import { writeSync } from 'node:fs';
import { InputError } from '../errors.js';
import { describeWriteError } from '../io/output/write-atomic.js';

/** Something to wait on for a few milliseconds (Atomics.wait blocks this thread, using no CPU). */
const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * Writes all of `text` to standard output. Node's own stdout drops what a short write did
 * not take: redirected to a full disk, a report would end mid-way with exit code 0. Here a
 * short write is continued, so the disk's error surfaces and the run fails with a sentence.
 */
export function writeStdout(text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  let written = 0;
  while (written < bytes.length) {
    try {
      written += writeSync(1, bytes, written, bytes.length - written);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') {
        // A non-blocking pipe that is full: wait for its reader to drain it, without spinning.
        Atomics.wait(pause, 0, 0, 5);
        continue;
      }
      if (code === 'EPIPE') return; // the reader has gone (`| head`): nothing left to do
      throw new InputError(`cannot write the output: ${describeWriteError(error)}`);
    }
  }
}
