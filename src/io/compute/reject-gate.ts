import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { InputError } from '../../errors.js';
import type { Reject } from '../data/read-source.js';
import { makeTempFolder, removeTempFolder } from '../temp/temp-folder.js';

/** Held rejects kept in memory; past this many they are written to a temporary file. */
const IN_MEMORY = 10_000;

interface Held {
  readonly reject: Reject;
  readonly duplicate: boolean;
}

/**
 * The rejects of one source on their way out, for a read that may have to be done again.
 * Once keys go past the key set's budget (hold), rejects are held back: whether a later row
 * repeats one of those keys is known only at the end of the read. If none does (release),
 * the held rejects go out in order; if one does, the source is read again (restart), and the
 * second read's rejects go out, less the ones that already went out before holding (the two
 * reads are the same row for row up to there). Held rejects past the first 10,000 wait in a
 * temporary file, so that a file with many bad rows does not fill memory.
 */
export class RejectGate {
  /** Duplicate rows among the rejects passed on. */
  duplicates = 0;
  private passed = 0;
  private skip = 0;
  private held: Held[] | null = null;
  private spilled: { folder: string; fd: number; bytes: number } | null = null;

  constructor(private readonly out: (reject: Reject) => void) {}

  emit(reject: Reject, duplicate: boolean): void {
    if (this.skip > 0) {
      this.skip--;
      return;
    }
    if (this.held === null) {
      this.pass(reject, duplicate);
      return;
    }
    this.held.push({ reject, duplicate });
    if (this.held.length >= IN_MEMORY) this.spill();
  }

  /** Keys went past the budget: hold the rejects from now on. */
  hold(): void {
    this.held ??= [];
  }

  /** No row repeats a key past the budget: the held rejects go out, in order. */
  release(): void {
    const held = this.held ?? [];
    this.held = null;
    if (this.spilled !== null) this.passSpilled();
    for (const { reject, duplicate } of held) this.pass(reject, duplicate);
  }

  /** The source is read again: the held rejects are dropped, and as many as went out are skipped. */
  restart(): void {
    this.held = null;
    this.drop();
    this.skip = this.passed;
  }

  private pass(reject: Reject, duplicate: boolean): void {
    this.passed++;
    if (duplicate) this.duplicates++;
    this.out(reject);
  }

  private spill(): void {
    const text = Buffer.from(this.held!.map((h) => JSON.stringify(h)).join('\n') + '\n');
    this.held!.length = 0;
    try {
      if (this.spilled === null) {
        const folder = makeTempFolder('rmos-rejects-');
        this.spilled = { folder, fd: openSync(join(folder, 'held.jsonl'), 'w+'), bytes: 0 };
      }
      for (let done = 0; done < text.length; ) done += writeSync(this.spilled.fd, text, done, text.length - done, this.spilled.bytes + done);
      this.spilled.bytes += text.length;
    } catch (error) {
      this.drop();
      throw new InputError(`rejected rows could not be kept in the temporary folder while duplicates were checked (${(error as Error).message}); free some room in TMPDIR or point it at a larger disk`);
    }
  }

  /** Passes on the rejects written to the temporary file, in order, and removes it. */
  private passSpilled(): void {
    const { fd, bytes } = this.spilled!;
    const chunk = Buffer.allocUnsafe(1024 * 1024);
    const decoder = new StringDecoder('utf8'); // a character may straddle two chunks
    let rest = '';
    try {
      for (let at = 0; at < bytes; ) {
        const n = readSync(fd, chunk, 0, Math.min(chunk.length, bytes - at), at);
        if (n === 0) break;
        at += n;
        const lines = (rest + decoder.write(chunk.subarray(0, n))).split('\n');
        rest = lines.pop()!;
        for (const line of lines) {
          const { reject, duplicate } = JSON.parse(line) as Held;
          this.pass(reject, duplicate);
        }
      }
    } finally {
      this.drop();
    }
  }

  private drop(): void {
    if (this.spilled === null) return;
    try {
      closeSync(this.spilled.fd);
    } catch {
      // already closed
    }
    removeTempFolder(this.spilled.folder);
    this.spilled = null;
  }
}
