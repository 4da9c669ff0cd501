import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from './run-cli.js';

/** A scratch copy of the standard library and a month of exports, and a report over them. */
const dir = mkdtempSync(join(tmpdir(), 'rmos-verify-'));
const lib = join(dir, 'lib');
const data = join(dir, 'data');
const report = join(dir, 'report.json');

beforeAll(() => {
  cpSync(join(ROOT, 'metrics'), lib, { recursive: true });
  cpSync(join(ROOT, 'examples/data/survey_responses/2025-07.csv'), join(data, 'survey_responses.csv'));
  cpSync(join(ROOT, 'examples/data/support_cases.csv'), join(data, 'support_cases.csv'));
  const result = runCli(['compute', lib, '--data', data, '--period', '2025-07', '--metrics', 'nps,csat,fcr', '--format', 'json', '--out', report], { cwd: dir });
  expect(result.code, result.stderr).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function verify(path = report) {
  return runCli(['verify', path, '--format', 'json'], { cwd: dir });
}

describe('rmos verify', () => {
  it('says an untouched report reproduces exactly', () => {
    const result = verify();
    expect(result.code, result.stderr).toBe(0);
    const outcome = JSON.parse(result.stdout);
    expect(outcome.metrics.map((m: { id: string; reproduces: boolean }) => [m.id, m.reproduces])).toEqual([['nps', true], ['csat', true], ['fcr', true]]);
  });

  it('names a tampered value', () => {
    const saved = JSON.parse(readFileSync(report, 'utf8'));
    saved.metrics[0].value += 1;
    const tampered = join(dir, 'tampered-value.json');
    writeFileSync(tampered, JSON.stringify(saved));
    const result = verify(tampered);
    expect(result.code).toBe(1);
    const nps = JSON.parse(result.stdout).metrics[0];
    expect(nps.reproduces).toBe(false);
    expect(nps.reasons[0]).toMatch(/^value differs: /);
  });

  it('names a changed definition by its fingerprint, and only for that metric', () => {
    const path = join(lib, 'metrics', 'csat.yaml');
    const original = readFileSync(path, 'utf8');
    writeFileSync(path, original.replace('where: csat_score >= 4', 'where: csat_score >= 5'));
    try {
      const outcome = JSON.parse(verify().stdout);
      const csat = outcome.metrics.find((m: { id: string }) => m.id === 'csat');
      expect(csat.reasons[0]).toMatch(/^definition changed: fingerprint [0-9a-f]{16} recorded, [0-9a-f]{16} now \(version 1\.0\.0, not bumped\)$/);
      expect(csat.reasons[1]).toMatch(/^value differs/);
      expect(outcome.metrics.find((m: { id: string }) => m.id === 'nps').reproduces).toBe(true);
    } finally {
      writeFileSync(path, original);
    }
  });

  it('names a changed input file for the metrics that read it', () => {
    const path = join(data, 'support_cases.csv');
    const original = readFileSync(path, 'utf8');
    writeFileSync(path, original.replace(/,solved,1,0,false\r\n/, ',solved,3,0,false\r\n'));
    try {
      const result = verify();
      expect(result.code).toBe(1);
      const outcome = JSON.parse(result.stdout);
      const fcr = outcome.metrics.find((m: { id: string }) => m.id === 'fcr');
      expect(fcr.reasons[0]).toMatch(/^input changed: data\/support_cases\.csv \(sha256 [0-9a-f]{12} recorded, [0-9a-f]{12} now\)$/);
      expect(outcome.metrics.find((m: { id: string }) => m.id === 'nps').reproduces).toBe(true);
    } finally {
      writeFileSync(path, original);
    }
  });

  it('refuses a file that is not a report', () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"metrics": [');
    const result = verify(bad);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/bad\.json:1:\d+: not valid JSON/);
  });
});
