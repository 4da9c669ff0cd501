import { describe, expect, it } from 'vitest';
import { RULES } from '../../../src/core/lint/rules/index.js';
import { expectFindings, findingsOf, lintLibrary, type RuleCases } from './lint-library.js';

/**
 * eslint-style rule tests: every valid library has no finding of `code`; every invalid
 * one has exactly the listed findings of `code`, with message, line, column and the
 * rule's default severity.
 */
export function testRule(code: string, cases: RuleCases): void {
  const rule = RULES.find((r) => r.code === code);

  describe(code, () => {
    it('is registered', () => {
      expect(rule?.code).toBe(code);
    });

    describe('valid', () => {
      for (const c of cases.valid) {
        it(c.name, () => {
          const findings = lintLibrary(c.library);
          expect(findingsOf(findings, code).map((f) => `${f.file}:${f.line}:${f.column} ${f.message}`)).toEqual([]);
        });
      }
    });

    describe('invalid', () => {
      for (const c of cases.invalid) {
        it(c.name, () => {
          const findings = lintLibrary(c.library);
          expectFindings(findings, code, c.errors.map((e) => ({ severity: rule?.severity, ...e })));
        });
      }
    });
  });
}
