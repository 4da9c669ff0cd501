import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRepo, type TestRepo } from '../io/git/git-repo.js';
import { runCli } from './run-cli.js';

let repo: TestRepo;
let v1: string;

// July 2025: scores 10 9 6 3 8 10 7 0 5 8 → 3 promoters, 4 detractors of 10: NPS -10, promoter share 30.
const SURVEY = `response_id,submitted_at,nps_score,is_test
${[10, 9, 6, 3, 8, 10, 7, 0, 5, 8].map((s, i) => `r${i},2025-07-0${(i % 9) + 1}T10:00:00Z,${s},false`).join('\n')}
`;

beforeAll(() => {
  repo = createRepo();
  repo.write('lib/targets/2025.yaml', 'targets:\n  - metric: nps\n    value: -20\n');
  v1 = repo.commit('standard library');
  repo.git('tag', 'v1');
  repo.edit('lib/metrics/nps.yaml', 'formula: 100 * (promoters - detractors) / responses', 'formula: 100 * promoters / responses');
  repo.edit('lib/metrics/nps.yaml', '\nversion: 1.0.0', '\nversion: 1.1.0');
  repo.edit('lib/metrics/nps.yaml', 'changelog:\n', 'changelog:\n  - version: 1.1.0\n    date: 2025-02-01\n    change: Promoter share.\n');
  repo.commit('promoter share');
  // A target changed in the working tree only: a past report keeps the past target.
  repo.edit('lib/targets/2025.yaml', 'value: -20', 'value: 50');
  repo.write('data/survey_responses.csv', SURVEY);
});
afterAll(() => repo.remove());

interface Report {
  library: { revision: string | null; dirty: boolean | null };
  metrics: { id: string; version: string; value: number; fingerprint: string; target: number | null; status: string }[];
}

const compute = (...args: string[]) => runCli(['compute', 'lib', '--data', 'data', '--period', '2025-07', '--metrics', 'nps', '--format', 'json', ...args], { cwd: repo.dir });

describe('rmos compute --at', () => {
  it('computes with the definitions of a past revision and records that commit, not dirty', () => {
    const past = compute('--at', 'v1');
    expect(past.code).toBe(0);
    const report = JSON.parse(past.stdout) as Report;
    expect(report.library).toMatchObject({ revision: v1, dirty: false });
    expect(report.metrics.map((m) => [m.id, m.version, m.value])).toEqual([['nps', '1.0.0', -10]]);
    expect(report.metrics[0]).toMatchObject({ target: -20 });

    const now = JSON.parse(compute().stdout) as Report;
    expect(now.metrics.map((m) => [m.id, m.version, m.value])).toEqual([['nps', '1.1.0', 30]]);
    expect(now.metrics[0]).toMatchObject({ target: 50 });
    // Without --at: the working tree's commit, and dirty (a target was changed since).
    expect(now.library).toMatchObject({ revision: repo.git('rev-parse', 'HEAD'), dirty: true });
    expect(now.metrics[0]!.fingerprint).not.toBe(report.metrics[0]!.fingerprint);
  });

  it('refuses a hostile revision and an unknown one with exit 2', () => {
    const hostile = compute('--at=--output=x');
    expect(hostile.code).toBe(2);
    expect(hostile.stdout).toBe('');
    expect(hostile.stderr).toBe("rmos: --at '--output=x' is not a git revision: a revision cannot start with '-'; give a branch, tag or commit such as origin/main, v1.2.0 or 3f2a9c1\n");
    expect(existsSync(join(repo.dir, 'x'))).toBe(false);
    const unknown = compute('--at', 'v9');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe("rmos: no commit 'v9' in this repository; see git tag / git branch -a\n");
  });
});
