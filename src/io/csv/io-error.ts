import { CsvError } from './csv-error.js';

const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a directory, not a file',
  ENOTDIR: 'a part of the path is not a directory',
  EMFILE: 'too many open files',
  EIO: 'input/output error from the disk',
};

/** Maps a Node fs error to CsvError 'io': "cannot read X: no such file". */
export function ioError(path: string, error: unknown): CsvError {
  const code = (error as { code?: unknown } | null)?.code;
  const reason =
    typeof code === 'string' && REASONS[code] !== undefined ? REASONS[code] : error instanceof Error ? error.message : String(error);
  return new CsvError('io', `cannot read ${path}: ${reason}`, path, 0, 0);
}
