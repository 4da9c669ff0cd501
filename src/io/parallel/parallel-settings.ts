import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';

export interface ParallelSettings {
  readonly threads: number;
  /** Plain files at least this large are split into pieces (RMOS_PARALLEL_MIN_BYTES). */
  readonly minBytes: number;
  /** A gzip export whose content is at least minBytes is unpacked to a temporary file and split (RMOS_GZIP_UNPACK=0: read whole by one worker). */
  readonly unpackGzip: boolean;
  /** Piece size; 0: chosen from the file size (RMOS_PARALLEL_PIECE_BYTES, for tests). */
  readonly pieceBytes: number;
  readonly workerUrl: URL;
  /** RMOS_TRACE_PARALLEL=1: one line per piece on stderr (merged, or read again and why), for tests and diagnosis. */
  readonly trace?: (line: string) => void;
}

const MiB = 1024 * 1024;

/**
 * Whether and how to read in parallel: RMOS_THREADS (default: the cores available; 1 turns
 * it off). Only the bundle has a worker entry (dist/parallel-worker.js): code run from
 * src/*.ts (vitest) always reads single-threaded.
 */
export function parallelSettings(env: NodeJS.ProcessEnv = process.env): ParallelSettings | null {
  const threads = positive(env.RMOS_THREADS) ?? availableParallelism();
  if (threads < 2) return null;
  const workerUrl = new URL('./parallel-worker.js', import.meta.url);
  if (!import.meta.url.endsWith('.js') || !existsSync(fileURLToPath(workerUrl))) return null;
  return {
    threads: Math.min(threads, 16),
    minBytes: positive(env.RMOS_PARALLEL_MIN_BYTES) ?? 64 * MiB,
    unpackGzip: env.RMOS_GZIP_UNPACK !== '0',
    pieceBytes: positive(env.RMOS_PARALLEL_PIECE_BYTES) ?? 0,
    workerUrl,
    ...(env.RMOS_TRACE_PARALLEL === '1' ? { trace: (line: string) => process.stderr.write(`parallel: ${line}\n`) } : {}),
  };
}

function positive(text: string | undefined): number | undefined {
  if (text === undefined || !/^\d+$/.test(text.trim())) return undefined;
  const n = Number(text);
  return n >= 1 ? n : undefined;
}

/** Pieces of about a quarter of a thread's share (so a slow piece does not hold the rest), 1–4 MiB: a piece's key set then stays in the CPU's cache. */
export function pieceSize(settings: ParallelSettings, dataBytes: number): number {
  if (settings.pieceBytes > 0) return settings.pieceBytes;
  return Math.min(4 * MiB, Math.max(MiB, Math.ceil(dataBytes / (settings.threads * 4))));
}
