import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

describe('rmos --help', () => {
  it('prints usage and exits 0', () => {
    const result = runCli(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: rmos/);
  });

  it('rejects an unknown option with exit code 2 and a hint', () => {
    const result = runCli(['--no-such-flag']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("unknown option '--no-such-flag'");
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
