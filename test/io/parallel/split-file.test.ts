import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { splitPoints } from '../../../src/io/parallel/split-file.js';

const dir = mkdtempSync(join(tmpdir(), 'rmos-split-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function pointsOf(text: string, size: number): Promise<number[]> {
  const path = join(dir, 'f.csv');
  writeFileSync(path, text);
  const handle = await open(path, 'r');
  try {
    return await splitPoints(handle, text.indexOf('\n') + 1, Buffer.byteLength(text), size, { width: 3, delimiter: 0x2c });
  } finally {
    await handle.close();
  }
}

describe('split points', () => {
  test('skip line feeds inside a quoted field', async () => {
    const comment = `"${Array.from({ length: 20 }, (_, i) => `line ${i} of a long comment`).join('\n')}"`;
    const text = `id,score,comment\n1,5,plain\n2,4,${comment}\n${Array.from({ length: 50 }, (_, i) => `${i + 3},3,ok`).join('\n')}\n`;
    const inside = text.indexOf('line 3 ');
    const points = await pointsOf(text, inside - text.indexOf('\n') - 1);
    const recordStarts = new Set([0, ...[...text.matchAll(/\n(?=\d+,\d,)/g)].map((m) => m.index + 1)]);
    expect(points.length).toBeGreaterThan(2);
    for (const point of points.slice(0, -1)) expect(recordStarts.has(point)).toBe(true);
    expect(points[1]).toBe(text.indexOf('3,3,ok'));
  });

  test('fall back to the first line start when nothing in reach has the header width', async () => {
    const text = `a,b,c\n${'x\n'.repeat(100)}`;
    const points = await pointsOf(text, 50);
    expect(points[1]).toBe(58); // byte 56 is an x: the byte after its line feed
    expect(points.at(-1)).toBe(text.length);
  });
});
