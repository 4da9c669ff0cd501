import type { FileHandle } from 'node:fs/promises';

const LF = 0x0a;

/**
 * Candidate piece starts: `from`, then for every `size` bytes the byte after the next line
 * feed, then the end of the file. A candidate may lie inside a quoted field (a quoted newline):
 * the coordinator checks each one against where the previous piece really ended.
 */
export async function splitPoints(handle: FileHandle, from: number, fileSize: number, size: number): Promise<number[]> {
  const points = [from];
  const probe = Buffer.allocUnsafe(64 * 1024);
  for (let nominal = from + size; nominal < fileSize; nominal += size) {
    let at = Math.max(nominal, points[points.length - 1]!);
    let found = fileSize;
    while (at < fileSize) {
      const { bytesRead } = await handle.read(probe, 0, probe.length, at);
      if (bytesRead === 0) break;
      const lf = probe.subarray(0, bytesRead).indexOf(LF);
      if (lf >= 0) {
        found = at + lf + 1;
        break;
      }
      at += bytesRead;
    }
    if (found >= fileSize) break;
    if (found > points[points.length - 1]!) points.push(found);
  }
  points.push(fileSize);
  return points;
}
