import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { InputError } from '../../errors.js';

function describe(error: unknown): string {
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
      throw new InputError(`${flag} ${path}: cannot write there: ${describe(error)}`);
    }
  }

  write(text: string): void {
    this.buffer += text;
    if (this.buffer.length > 1 << 16) this.flush();
  }

  private flush(): void {
    try {
      writeSync(this.fd, this.buffer);
      this.buffer = '';
    } catch (error) {
      this.abort();
      throw new InputError(`${this.flag} ${this.path}: cannot write: ${describe(error)}`);
    }
  }

  commit(): void {
    this.flush();
    closeSync(this.fd);
    try {
      renameSync(this.temp, this.path);
    } catch (error) {
      rmSync(this.temp, { force: true });
      throw new InputError(`${this.flag} ${this.path}: cannot write: ${describe(error)}`);
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
