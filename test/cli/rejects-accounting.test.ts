import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'rmos-rejects-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('--rejects agrees with the accounting', () => {
  it('lists an invalid cell only when a metric counted its row as invalid', () => {
    const data = join(dir, 'survey_responses.csv');
    writeFileSync(
      data,
      [
        'response_id,submitted_at,nps_score,is_test',
        'R1,2025-07-01T10:00:00Z,9,false',
        'R1,2025-07-01T10:00:00Z,nine,false', // a duplicate: not counted, so its cell is not a reject
        'R2,2025-07-02T10:00:00Z,eleven,true', // a test response: excluded before values are looked at
        'R3,2025-07-03T10:00:00Z,ten,false', // invalid: counted and listed
        'R4,2025-06-03T10:00:00Z,zero,false', // out of period
        '',
      ].join('\n'),
    );
    const rejects = join(dir, 'rejects.csv');
    const result = runCli(['compute', join(ROOT, 'metrics'), '--source', `survey_responses=${data}`, '--metrics', 'nps', '--period', '2025-07', '--format', 'json', '--rejects', rejects, '--strict']);
    expect(result.code).toBe(1);
    const accounting = JSON.parse(result.stdout).metrics[0].accounting.survey_responses;
    expect(accounting).toEqual({ read: 5, out_of_period: 1, duplicate: 1, excluded: { test_responses: 1 }, missing: 0, invalid: 1, used: 1 });
    const lines = readFileSync(rejects, 'utf8').trim().split('\r\n');
    expect(lines.slice(1).filter((l) => !l.includes('duplicate'))).toEqual([`${data},5,25,nps_score,ten,"""ten"" is not an integer"`]);
    expect(result.stderr).toMatch(/^1 invalid value and 1 duplicate row not counted/m);
  });
});
