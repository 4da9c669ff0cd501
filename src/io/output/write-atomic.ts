import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { InputError } from '../../errors.js';

/** Why a write failed, in words. */
export function describeWriteError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'the folder does not exist';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOSPC':
      return 'the disk is full';
    case 'EISDIR':
      return 'it is a folder';
    case 'ENOTDIR':
      return 'a part of the path is a file, not a folder';
    default:
      return code ?? (error as Error).message;
  }
}

/**
 * A file written under a temporary name and renamed into place on `commit`, so that a
 * failed or interrupted run never leaves a partial file where the user expects output.
 */
export class AtomicFile {
  private readonly temp: string;
  private fd: number;
  private buffer = '';

  constructor(readonly path: string, private readonly flag: string) {
    this.temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
    try {
      this.fd = openSync(this.temp, 'w');
    } catch (error) {
      throw new InputError(`${flag} ${path}: cannot write there: ${describeWriteError(error)}`);
    }
  }

  write(text: string): void {
    this.buffer += text;
    if (this.buffer.length > 1 << 16) this.flush();
  }

  /**
   * Writes the buffered text whole. A write may take fewer bytes than it was given (on a
   * full disk it takes what fits and reports no error), so it is repeated until every byte
   * is written; the next write then fails with the disk's error.
   */
  private flush(): void {
    try {
      const bytes = Buffer.from(this.buffer, 'utf8');
      let written = 0;
      while (written < bytes.length) {
        const n = writeSync(this.fd, bytes, written, bytes.length - written);
        if (n <= 0) throw Object.assign(new Error('nothing was written'), { code: 'ENOSPC' });
        written += n;
      }
      this.buffer = '';
    } catch (error) {
      this.abort();
      throw new InputError(`${this.flag} ${this.path}: cannot write: ${describeWriteError(error)}`);
    }
  }

  commit(): void {
    this.flush();
    try {
      closeSync(this.fd);
    } catch (error) {
      rmSync(this.temp, { force: true });
      throw new InputError(`${this.flag} ${this.path}: cannot write: ${describeWriteError(error)}`);
    }
    try {
      renameSync(this.temp, this.path);
    } catch (error) {
      rmSync(this.temp, { force: true });
      throw new InputError(`${this.flag} ${this.path}: cannot write: ${describeWriteError(error)}`);
    }
  }

  abort(): void {
    try {
      closeSync(this.fd);
    } catch {
      // already closed
    }
    rmSync(this.temp, { force: true });
  }
}

export function writeFileAtomic(path: string, text: string, flag: string): void {
  const file = new AtomicFile(path, flag);
  file.write(text);
  file.commit();
}
