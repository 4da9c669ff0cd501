import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const LIB = 'test/report/catalog/library';
const out = mkdtempSync(join(tmpdir(), 'rmos-catalog-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('rmos catalog', () => {
  it('writes the same Markdown twice, from any working folder', () => {
    const first = runCli(['catalog', LIB]);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('# Metric catalog: catalog-demo\n');
    expect(first.stdout).toContain('- **Defined in** metrics/nps\\_gap.yaml');
    expect(first.stdout).toContain('- **Defined in** rmos:standard');
    const second = runCli(['catalog', '.'], { cwd: join(process.cwd(), LIB) });
    expect(second.stdout).toBe(first.stdout);
  });

  it('writes HTML to --out, byte-identical across runs', () => {
    const a = join(out, 'a.html');
    const b = join(out, 'b.html');
    const result = runCli(['catalog', LIB, '--format', 'html', '--out', a]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`rmos: wrote the html catalog of catalog-demo to ${a}\n`);
    runCli(['catalog', LIB, '--format', 'html', '--out', b]);
    expect(readFileSync(a)).toEqual(readFileSync(b));
    expect(readFileSync(a, 'utf8')).toContain('<title>Metric catalog: catalog-demo</title>');
  });

  it('refuses a library with lint errors and an unknown format, with exit 2', () => {
    const broken = runCli(['catalog', 'test/fixtures/lint/broken']);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain("run 'rmos lint test/fixtures/lint/broken'");
    expect(runCli(['catalog', LIB, '--format', 'pdf']).code).toBe(2);
  });
});
