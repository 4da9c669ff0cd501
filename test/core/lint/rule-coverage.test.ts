import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../../src/core/lint/rules/index.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const RULES_DOC = readFileSync(`${ROOT}docs/rules.md`, 'utf8');
const LOADER_CODES = [
  'file-unreadable', 'file-too-large', 'file-encoding', 'file-empty', 'yaml-syntax', 'yaml-duplicate-key', 'yaml-unknown-tag',
  'yaml-forbidden-key', 'yaml-too-deep', 'yaml-alias-limit', 'unknown-library', 'patch-without-base',
  'schema-required', 'schema-unknown-key', 'schema-enum', 'schema-type', 'schema-format', 'schema-range', 'schema-empty', 'schema-duplicate', 'schema-invalid',
];

describe('every finding code is tested and documented', () => {
  it.each(RULES.map((r) => [r.code, r.severity] as const))('%s has a test file and a section with its severity in docs/rules.md', (code, severity) => {
    expect(existsSync(`${ROOT}test/core/lint/rules/${code}.test.ts`)).toBe(true);
    expect(RULES_DOC).toContain(`### \`${code}\` (${severity})`);
  });

  it.each(LOADER_CODES)('%s has a section in docs/rules.md', (code) => {
    expect(RULES_DOC).toContain(`### \`${code}\` (error)`);
  });
});
