import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRepo, type TestRepo } from '../io/git/git-repo.js';
import { ROOT, runCli } from './run-cli.js';

let repo: TestRepo;
let v1: string;
let v2: string;

const FORMULA = 'formula: 100 * (promoters - detractors) / responses';
const NEW_FORMULA = 'formula: 100 * promoters / responses';

/*
 * July 2025: EMEA scores 10 9 6 3 8 (2 promoters, 2 detractors of 5); NA 10 7 0 5 8 (1 and 2 of 5),
 * plus a test response and a June response that do not count. Old NPS: EMEA 0, NA -20, all -10;
 * new "promoter share": EMEA 40, NA 20, all 30.
 */
const SURVEY = `response_id,submitted_at,region,nps_score,is_test
r1,2025-07-01T10:00:00Z,EMEA,10,false
r2,2025-07-02T10:00:00Z,EMEA,9,false
r3,2025-07-03T10:00:00Z,EMEA,6,false
r4,2025-07-04T10:00:00Z,EMEA,3,false
r5,2025-07-05T10:00:00Z,EMEA,8,false
r6,2025-07-06T10:00:00Z,NA,10,false
r7,2025-07-07T10:00:00Z,NA,7,false
r8,2025-07-08T10:00:00Z,NA,0,false
r9,2025-07-09T10:00:00Z,NA,5,false
r10,2025-07-10T10:00:00Z,NA,8,false
r11,2025-07-11T10:00:00Z,NA,10,true
r12,2025-06-30T10:00:00Z,NA,10,false
`;

beforeAll(() => {
  repo = createRepo();
  v1 = repo.commit('standard library');
  repo.git('tag', 'v1');
  repo.edit('lib/metrics/nps.yaml', FORMULA, NEW_FORMULA);
  repo.edit('lib/metrics/nps.yaml', '\nversion: 1.0.0', '\nversion: 1.1.0');
  repo.edit('lib/metrics/nps.yaml', 'changelog:\n', 'changelog:\n  - version: 1.1.0\n    date: 2025-02-01\n    change: Promoter share.\n');
  repo.write('lib/metrics/csat_top.yaml', repo.read('lib/metrics/csat.yaml').replace('metric: csat', 'metric: csat_top').replace('where: csat_score >= 4', 'where: csat_score == 5'));
  rmSync(join(repo.lib, 'metrics/ces.yaml'));
  v2 = repo.commit('promoter share, csat_top, no ces');
  repo.git('tag', 'v2');
  // Working tree only: a parameter change, which changes romi and cac_payback.
  repo.edit('lib/rmos.yaml', 'value: 0.8', 'value: 0.7');
  repo.write('data/survey_responses.csv', SURVEY);
});
afterAll(() => repo.remove());

interface Json {
  from: { ref: string | null; revision: string | null };
  to: { ref: string | null; revision: string | null };
  summary: Record<string, number>;
  period: { label: string } | null;
  inputs: { source: string; files: { path: string; rows: number }[] }[];
  metrics: {
    id: string; status: string; math_changed: boolean;
    version: { from: string | null; to: string | null; bump: string | null; required: string; ok: boolean | null };
    changes: { aspect: string; kind: string; name: string | null; from: unknown; to: unknown; fields?: string[]; bump: string }[];
    impact: { from: { value: number | null; n: number | null } | null; to: { value: number | null; n: number | null } | null; difference: number | null; segments: { dimensions: Record<string, string>; from: { value: number } | null; to: { value: number } | null; difference: number | null }[] } | null;
  }[];
}

const diff = (...args: string[]) => runCli(['diff', ...args], { cwd: repo.dir });
const json = (...args: string[]): Json => {
  const result = diff(...args, '--format', 'json');
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as Json;
};

describe('rmos diff', () => {
  it('lists added, removed and changed metrics between two tags, with the formula change and the version bump', () => {
    const report = json('v1', 'v2', '--lib', 'lib');
    expect(report.from).toEqual({ ref: 'v1', revision: v1 });
    expect(report.to).toEqual({ ref: 'v2', revision: v2 });
    expect(report.summary).toEqual({ added: 1, removed: 1, changed: 1, unchanged: 4 });
    expect(report.metrics.map((m) => [m.id, m.status])).toEqual([
      ['cac_payback', 'unchanged'], ['ces', 'removed'], ['csat', 'unchanged'], ['csat_top', 'added'], ['fcr', 'unchanged'], ['nps', 'changed'], ['romi', 'unchanged'],
    ]);
    const nps = report.metrics.find((m) => m.id === 'nps')!;
    expect(nps.math_changed).toBe(true);
    expect(nps.version).toEqual({ from: '1.0.0', to: '1.1.0', bump: 'minor', required: 'minor', ok: true });
    expect(nps.changes).toEqual([
      { aspect: 'formula', kind: 'changed', name: null, from: '100 * (promoters - detractors) / responses', to: '100 * promoters / responses', bump: 'minor' },
      { aspect: 'changelog', kind: 'added', name: '1.1.0', from: null, to: 'Promoter share.', bump: 'none' },
    ]);
    expect(nps.impact).toBeNull();
    expect(report.period).toBeNull();
  });

  it('computes old and new value of each changed metric in one pass over a small export, overall and per segment', () => {
    const report = json('v1', 'v2', '--lib', 'lib', '--data', 'data', '--period', '2025-07', '--by', 'region', '--metrics', 'nps');
    expect(report.period?.label).toBe('2025-07');
    expect(report.inputs).toEqual([{ source: 'survey_responses', files: [expect.objectContaining({ path: 'data/survey_responses.csv', rows: 12 })] }]);
    const nps = report.metrics.find((m) => m.id === 'nps')!;
    expect(nps.impact!.from).toEqual({ value: -10, n: 10 });
    expect(nps.impact!.to).toEqual({ value: 30, n: 10 });
    expect(nps.impact!.difference).toBe(40);
    expect(nps.impact!.segments.map((s) => [s.dimensions.region, s.from?.value, s.to?.value, s.difference])).toEqual([
      ['EMEA', 0, 40, 40],
      ['NA', -20, 20, 40],
    ]);
  });

  it('compares with the working tree by default: a parameter change is a math change of every metric using it', () => {
    const report = json('v2', '--lib', 'lib');
    expect(report.to).toEqual({ ref: null, revision: null });
    expect(report.metrics.filter((m) => m.status === 'changed').map((m) => m.id)).toEqual(['cac_payback', 'romi']);
    const romi = report.metrics.find((m) => m.id === 'romi')!;
    expect(romi.changes).toEqual([{ aspect: 'parameter', kind: 'changed', name: 'gross_margin', from: 0.8, to: 0.7, bump: 'minor' }]);
    expect(romi.version).toEqual({ from: '1.0.0', to: '1.0.0', bump: 'none', required: 'minor', ok: false });
  });

  it('--param sets a parameter in both versions: the impact of a parameter change then vanishes', () => {
    const data = join(ROOT, 'examples/data');
    const romiOf = (...extra: string[]) => {
      const result = diff('v2', '--lib', 'lib', '--data', data, '--period', '2025-Q3', '--metrics', 'romi', '--format', 'json', ...extra);
      expect(result.code, result.stderr).toBe(0);
      return (JSON.parse(result.stdout) as Json).metrics.find((m) => m.id === 'romi')!.impact!;
    };
    const changed = romiOf(); // gross_margin 0.8 at v2, 0.7 in the working tree
    expect(changed.difference).toBeLessThan(0);
    const pinned = romiOf('--param', 'gross_margin=0.5');
    expect(pinned.difference).toBe(0);
    expect(pinned.from!.value).toBe(pinned.to!.value);
    expect(pinned.from!.value).toBeLessThan(changed.to!.value!);
  });

  it('--param names a parameter of either version and needs the exports', () => {
    const data = join(ROOT, 'examples/data');
    const typo = diff('v2', '--lib', 'lib', '--data', data, '--period', '2025-Q3', '--param', 'gross_margn=0.5');
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/--param gross_margn: neither version has a parameter 'gross_margn'.*gross_margin/);
    const noData = diff('v2', '--lib', 'lib', '--param', 'gross_margin=0.5');
    expect(noData.code).toBe(2);
    expect(noData.stderr).toMatch(/--param compute the numeric impact and need the exports/);
  });

  it('prints a readable table and Markdown', () => {
    const table = diff('v1', 'v2', '--lib', 'lib', '--data', 'data', '--period', '2025-07', '--metrics', 'nps');
    expect(table.code).toBe(0);
    expect(table.stdout).toBe([
      `standard: v1 (${v1.slice(0, 7)}) → v2 (${v2.slice(0, 7)})`,
      '1 changed, 0 added, 0 removed, 0 unchanged',
      'Values over 2025-07 (2025-07-01 to 2025-07-31), both versions on the same data',
      '',
      '~ Net Promoter Score (nps)  1.0.0 → 1.1.0 (minor bump)',
      '    the formula: 100 * (promoters - detractors) / responses → 100 * promoters / responses',
      '    changelog entry 1.1.0 added: Promoter share.',
      '    value: -10.0 → 30.0 (+40.0)',
      '',
    ].join('\n'));
    const markdown = diff('v1', 'v2', '--lib', 'lib', '--format', 'markdown');
    expect(markdown.stdout).toContain('| **Net Promoter Score** (`nps`) | changed | 1.0.0 → 1.1.0 (minor bump) |');
    expect(markdown.stdout).toContain('| **Customer Effort Score** (`ces`) | removed | removed (was 1.0.0) |');
  });

  it('tells someone who gave the library folder as the second revision to use --lib', () => {
    const result = diff('v1', 'lib');
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("rmos: 'lib' is a library folder, not a revision; give it as --lib lib (rmos diff <refA> [refB] --lib DIR)\n");
  });

  it('needs exports for --period', () => {
    const result = diff('v1', '--lib', 'lib', '--period', '2025-07');
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('rmos: --period, --from/--to, --by and --param compute the numeric impact and need the exports: add --data DIR or --source NAME=PATH\n');
  });
});

describe('rmos diff: revisions it cannot read', () => {
  const NO_STACK = /\n\s+at /;

  // Every kind of hostile revision is covered in test/io/git/check-ref.test.ts; here, end to end.
  it.each([
    ['--output=x', "a revision cannot start with '-'"],
    ['HEAD; rm -rf /', 'it contains a space'],
  ])('refuses %j before running git', (ref, why) => {
    const result = diff('--lib', 'lib', '--', ref);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`rmos: '${ref}' is not a git revision: ${why}; give a branch, tag or commit such as origin/main, v1.2.0 or 3f2a9c1\n`);
    expect(existsSync(join(repo.dir, 'x'))).toBe(false);
  });

  it('names an unknown revision and says where to look', () => {
    const result = diff('v9', '--lib', 'lib');
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("rmos: no commit 'v9' in this repository; see git tag / git branch -a\n");
  });

  it('says when the folder is not in a git repository', () => {
    const outside = mkdtempSync(join(tmpdir(), 'rmos-nogit-'));
    try {
      mkdirSync(join(outside, 'lib'));
      writeFileSync(join(outside, 'lib', 'rmos.yaml'), 'library: x\n');
      const result = runCli(['diff', 'HEAD', '--lib', 'lib'], { cwd: outside, env: { GIT_CEILING_DIRECTORIES: outside } });
      expect(result.code).toBe(2);
      expect(result.stderr).toBe('rmos: lib is not in a git repository, so it has no revisions to read; run rmos inside a clone (git init, or git clone)\n');
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('tells a shallow clone to fetch the history', () => {
    const shallow = mkdtempSync(join(tmpdir(), 'rmos-shallow-'));
    try {
      repo.git('clone', '-q', '--depth', '1', `file://${repo.dir}`, shallow);
      const result = runCli(['diff', 'v1', '--lib', 'lib'], { cwd: shallow });
      expect(result.code).toBe(2);
      expect(result.stderr).toBe("rmos: no commit 'v1' in this shallow clone; fetch the full history (git fetch --unshallow, or fetch-depth: 0 in actions/checkout)\n");
    } finally {
      rmSync(shallow, { recursive: true, force: true });
    }
  });

  it('says when git is not installed', () => {
    const empty = mkdtempSync(join(tmpdir(), 'rmos-nopath-'));
    try {
      const result = runCli(['diff', 'v1', '--lib', 'lib'], { cwd: repo.dir, env: { PATH: empty } });
      expect(result.code).toBe(2);
      expect(result.stderr).toBe('rmos: git is not installed (or not on the PATH); install git to read a library at a git revision\n');
      expect(result.stderr).not.toMatch(NO_STACK);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
