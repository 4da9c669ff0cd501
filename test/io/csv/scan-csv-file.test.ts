import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CsvError, scanCsv } from '../../../src/io/csv/index.js';
import { collectBuffer, collectFile } from './collect-records.js';

let dir: string;
const text = '\ufeffid;comment;score\r\n1;"great, really\r\nloved it";9\r\n\r\n2;"ok ""fine""";7\r\n3;Zoë 😀;\r\n';
const expectedRows = [
  ['1', 'great, really\r\nloved it', '9'],
  ['2', 'ok "fine"', '7'],
  ['3', 'Zoë 😀', ''],
];

async function rejection(promise: Promise<unknown>): Promise<CsvError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CsvError);
  return error as CsvError;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rmos-csv-'));
  await writeFile(join(dir, 'plain.csv'), text);
  await writeFile(join(dir, 'data.csv.gz'), gzipSync(text));
  await writeFile(join(dir, 'named-csv-but-gzip.csv'), gzipSync(text));
  const gz = gzipSync(text + 'x;y;z\n'.repeat(5000));
  await writeFile(join(dir, 'truncated.csv.gz'), gz.subarray(0, gz.length - 100));
  const corrupt = Buffer.from(gz);
  corrupt[2] = 7; // compression method: only 8 (deflate) exists
  await writeFile(join(dir, 'corrupt.csv.gz'), corrupt);
  await writeFile(join(dir, 'empty.csv'), '');
  await writeFile(join(dir, 'empty.csv.gz'), gzipSync(''));
  await writeFile(join(dir, 'header-only.csv'), 'a,b,c\n');
  await writeFile(join(dir, 'secret.csv'), 'a\n1\n');
  await chmod(join(dir, 'secret.csv'), 0o000);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('scanCsv', () => {
  it.each([1, 2, 3, 7, 1 << 20])('reads a plain file with chunk size %i like the buffer API', async (chunkSize) => {
    const got = await collectFile(join(dir, 'plain.csv'), { chunkSize });
    expect(got.header).toEqual({ names: ['id', 'comment', 'score'], delimiter: ';', hadBom: true });
    expect(got.rows).toEqual(expectedRows);
    expect(got.lines).toEqual([2, 5, 6]);
    expect(got.result).toEqual(collectBuffer(text).result);
  });

  it.each(['data.csv.gz', 'named-csv-but-gzip.csv'])('gunzips %s, detected by magic bytes', async (name) => {
    for (const chunkSize of [3, undefined]) {
      const got = await collectFile(join(dir, name), { chunkSize });
      expect(got.rows).toEqual(expectedRows);
      expect(got.result).toEqual({ records: 3, bytes: Buffer.byteLength(text), lines: 6 });
    }
  });

  it('reports a truncated gzip file', async () => {
    const error = await rejection(collectFile(join(dir, 'truncated.csv.gz'), { displayPath: 't.csv.gz' }));
    expect(error.code).toBe('gzip');
    expect(error.message).toBe('t.csv.gz is a truncated gzip file (unexpected end of file); download or copy it again');
  });

  it('reports a corrupt gzip file', async () => {
    const error = await rejection(collectFile(join(dir, 'corrupt.csv.gz'), { displayPath: 'c.csv.gz' }));
    expect(error.code).toBe('gzip');
    expect(error.message).toMatch(/^c\.csv\.gz is a corrupt gzip file \(.+\); download or compress it again$/);
  });

  it.each(['empty.csv', 'empty.csv.gz'])('reports %s as empty', async (name) => {
    const error = await rejection(collectFile(join(dir, name)));
    expect(error.code).toBe('empty-file');
    expect(error.message).toBe(`${join(dir, name)} is empty: expected a header line`);
  });

  it('reads a header-only file as zero records', async () => {
    const got = await collectFile(join(dir, 'header-only.csv'));
    expect(got).toMatchObject({ header: { names: ['a', 'b', 'c'] }, rows: [], result: { records: 0, bytes: 6, lines: 1 } });
  });

  it('reports a missing file', async () => {
    const error = await rejection(collectFile(join(dir, 'nope.csv'), { displayPath: 'nope.csv' }));
    expect([error.code, error.message, error.line]).toEqual(['io', 'cannot read nope.csv: no such file', 0]);
  });

  it('reports a directory', async () => {
    const error = await rejection(collectFile(dir, { displayPath: 'exports/' }));
    expect([error.code, error.message]).toEqual(['io', 'cannot read exports/: it is a directory, not a file']);
  });

  it.skipIf(process.getuid?.() === 0)('reports a file without read permission', async () => {
    const error = await rejection(collectFile(join(dir, 'secret.csv'), { displayPath: 'secret.csv' }));
    expect([error.code, error.message]).toEqual(['io', 'cannot read secret.csv: permission denied']);
  });

  it('propagates an error thrown by the record callback', async () => {
    const boom = new Error('stop here');
    await expect(
      scanCsv(join(dir, 'plain.csv'), { delimiter: 'auto' }, () => undefined, () => {
        throw boom;
      }),
    ).rejects.toBe(boom);
  });

  it('stops when the signal is aborted', async () => {
    const controller = new AbortController();
    let seen = 0;
    const path = join(dir, 'many.csv');
    await writeFile(path, 'n\n' + '12345\n'.repeat(10_000));
    const scan = scanCsv(path, { delimiter: 'auto', chunkSize: 4096, signal: controller.signal }, () => undefined, () => {
      seen++;
      controller.abort();
    });
    await expect(scan).rejects.toThrow(/abort/i);
    // Records already in the buffer are delivered; reading stops at the next chunk.
    expect(seen).toBeGreaterThan(0);
    expect(seen).toBeLessThan(2000);
  });

  it('reports the share of the file read after each chunk, plain and gzip', async () => {
    const rows = 'id,comment\n' + Array.from({ length: 40_000 }, (_, i) => `${i},"note ${(i * 7919) % 10007}"\n`).join('');
    await writeFile(join(dir, 'share.csv'), rows);
    await writeFile(join(dir, 'share.csv.gz'), gzipSync(rows));
    for (const name of ['share.csv', 'share.csv.gz']) {
      const shares: number[] = [];
      let records = 0;
      await scanCsv(join(dir, name), { delimiter: ',', chunkSize: 64 * 1024, onShareRead: (share) => shares.push(share) }, () => undefined, () => {
        records++;
      });
      expect(records).toBe(40_000);
      expect(shares.length).toBeGreaterThan(1);
      expect(shares.every((share, i) => share > 0 && share <= 1 && (i === 0 || share >= shares[i - 1]!))).toBe(true);
      expect(shares.at(-1)).toBe(1);
    }
  });

  it('reads a 20 MB single line through small chunks', async () => {
    const path = join(dir, 'long-line.csv');
    await writeFile(path, `a,b\n${'x'.repeat(20_000_000)},"${'y'.repeat(1000)}"\n`);
    let lengths: number[] = [];
    const result = await scanCsv(path, { delimiter: ',', chunkSize: 64 * 1024 }, () => undefined, (r) => {
      lengths = [r.text(0).length, r.text(1).length];
    });
    expect(lengths).toEqual([20_000_000, 1000]);
    expect(result.records).toBe(1);
  });
});
