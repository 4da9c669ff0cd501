import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { libraryNameFor, planLibrary } from '../../src/io/init/plan-library.js';
import { runCli } from './run-cli.js';

const root = mkdtempSync(join(tmpdir(), 'rmos-init-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('rmos init', () => {
  const dir = join(root, 'Team Metrics');

  it('scaffolds a library that passes rmos lint and rmos test at once', () => {
    const init = runCli(['init', dir, '--timezone', 'Europe/Berlin']);
    expect(init.code).toBe(0);
    expect(init.stdout).toContain("Created the library 'team-metrics'");
    for (const file of ['rmos.yaml', 'README.md', 'tests/gross-margin.yaml', '.github/workflows/rmos.yml', 'exports/spend.csv', 'exports/survey_responses/2025-07.csv']) {
      expect(existsSync(join(dir, file)), file).toBe(true);
    }
    const manifest = readFileSync(join(dir, 'rmos.yaml'), 'utf8');
    expect(manifest).toContain('library: team-metrics\n');
    expect(manifest).toContain('extends: rmos:standard\n');
    expect(manifest).toContain('timezone: Europe/Berlin\n');
    expect(manifest).toMatch(/gross_margin:\n\s+value: 0\.7\n/);

    const lint = runCli(['lint', dir]);
    expect(lint.stdout).toBe('✔ team-metrics: 1 file checked, no problems\n');
    expect(lint.code).toBe(0);
    const test = runCli(['test', dir]);
    expect(test.stdout).toMatch(/✔ team-metrics: 2 passed \(2 tests\)\n$/);
    expect(test.code).toBe(0);
  });

  it('writes a CI workflow that lints with annotations (against the base branch on a pull request) and runs the tests', () => {
    const workflow = readFileSync(join(dir, '.github/workflows/rmos.yml'), 'utf8');
    expect(workflow).toContain('npx rmos lint --format github');
    expect(workflow).toContain("format('--base origin/{0}', github.base_ref)");
    expect(workflow).toContain('run: npx rmos test\n');
    expect(workflow).toContain('fetch-depth: 0');
  });

  it('ships sample exports that compute a scorecard', () => {
    const compute = runCli(['compute', dir, '--data', join(dir, 'exports'), '--period', '2025-07', '--metrics', 'romi', '--format', 'json']);
    expect(compute.code).toBe(0);
    const report = JSON.parse(compute.stdout) as { parameters: Record<string, number>; metrics: { id: string; value: number }[] };
    expect(report.parameters.gross_margin).toBe(0.7);
    expect(report.metrics[0]!.value).toBeGreaterThan(0);
  });

  it('refuses a folder that is not empty, unless --force', () => {
    const full = join(root, 'full');
    mkdirSync(full);
    writeFileSync(join(full, 'notes.txt'), 'mine');
    const refused = runCli(['init', full]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(`rmos: ${full} is not empty (it has notes.txt); choose a new folder, or add --force to write the library's files into it\n`);
    expect(existsSync(join(full, 'rmos.yaml'))).toBe(false);

    const forced = runCli(['init', full, '--force', '--name', 'ops']);
    expect(forced.code).toBe(0);
    expect(readFileSync(join(full, 'rmos.yaml'), 'utf8')).toContain('library: ops\n');
    expect(readFileSync(join(full, 'notes.txt'), 'utf8')).toBe('mine');
  });

  it('refuses a time zone that does not exist with exit 2', () => {
    const result = runCli(['init', join(root, 'tz'), '--timezone', 'Mars/Olympus']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--timezone Mars/Olympus: not a time zone');
    expect(existsSync(join(root, 'tz'))).toBe(false);
  });
});

describe('planLibrary', () => {
  const encode = (s: string) => new TextEncoder().encode(s);
  const decode = (b: Uint8Array) => new TextDecoder().decode(b);

  it('fills placeholders in the manifest and README only, leaves workflow expressions alone, and sorts', () => {
    const planned = planLibrary(
      [
        { path: 'rmos.yaml', content: encode('library: {{library}}\ntimezone: {{timezone}}\n') },
        { path: '.github/workflows/rmos.yml', content: encode('run: x ${{ github.base_ref }} {{library}}') },
        { path: 'exports/a.csv', content: encode('{{library}}') },
      ],
      { library: 'ops', timezone: 'UTC' },
    );
    expect(planned.map((f) => [f.path, decode(f.content)])).toEqual([
      ['.github/workflows/rmos.yml', 'run: x ${{ github.base_ref }} {{library}}'],
      ['exports/a.csv', '{{library}}'],
      ['rmos.yaml', 'library: ops\ntimezone: UTC\n'],
    ]);
  });

  it('derives a valid library name from a folder name', () => {
    expect(libraryNameFor('Team Metrics')).toBe('team-metrics');
    expect(libraryNameFor('2025_kpis')).toBe('kpis');
    expect(libraryNameFor('...')).toBe('metrics');
  });
});
