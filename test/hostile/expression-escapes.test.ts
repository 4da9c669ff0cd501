import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkExpression, type CheckScope } from '../../src/core/expression/check-expression.js';
import { parseExpression } from '../../src/core/expression/parse-expression.js';
import { EXAMPLE_DATA, expectInputError, HOSTILE, removeTemps, timedCli } from './hostile-cli.js';

afterAll(removeTemps);

// Formulas and row conditions that try to reach outside rmos's expression language.
// Each is one metric file in test/fixtures/hostile/expression-escapes; the expression
// sits on line 12, from column 11 (formula: '...') or 13 (    where: '...').

const LIB = join(HOSTILE, 'expression-escapes');

const EXPECTED: readonly [file: string, line: number, column: number, code: string, message: RegExp][] = [
  ['constructor_access', 12, 11, 'disallowed-syntax', /^property access \(a\.b or a\["b"\]\) is not allowed/],
  ['cos_constructor', 12, 45, 'expression-syntax', /^syntax error: value expected$/],
  ['create_unit', 12, 11, 'disallowed-function', /^the function 'createUnit' is not allowed; allowed: abs, round/],
  ['evaluate_call', 12, 11, 'disallowed-function', /^the function 'evaluate' is not allowed/],
  ['function_definition', 12, 11, 'disallowed-syntax', /^function definitions are not allowed/],
  ['import_fs', 12, 11, 'disallowed-function', /^the function 'import' is not allowed/],
  ['list_literal', 12, 11, 'disallowed-syntax', /^lists \(\[\.\.\.\]\) are not allowed/],
  ['object_literal', 12, 11, 'disallowed-syntax', /^objects \(\{\.\.\.\}\) are not allowed/],
  ['proto_name', 12, 11, 'unknown-identifier', /^unknown name '__proto__' in formula$/],
  ['where_accessor', 12, 13, 'disallowed-syntax', /^property access/],
  ['where_constructor', 12, 13, 'unknown-identifier', /^unknown name 'constructor' in row condition on survey_responses$/],
  ['where_proto', 12, 13, 'unknown-identifier', /^unknown name '__proto__' in row condition/],
  ['where_to_string', 12, 13, 'unknown-identifier', /^unknown name 'toString' in row condition/],
];

interface LintFinding {
  code: string;
  severity: string;
  message: string;
  file: string;
  line: number;
  column: number;
}

describe('hostile expressions: rmos lint', () => {
  it('refuses every escape attempt with its own finding at the expression, exit 1, quickly', () => {
    const result = timedCli(['lint', LIB, '--format', 'json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    expect(result.ms).toBeLessThan(10_000);
    const errors = (JSON.parse(result.stdout) as { findings: LintFinding[] }).findings.filter((f) => f.severity === 'error');
    const shown = errors.map((f) => `${f.file.split('/').pop()}:${f.line}:${f.column} ${f.code} ${f.message}`);
    expect(errors, shown.join('\n')).toHaveLength(EXPECTED.length);
    for (const [file, line, column, code, message] of EXPECTED) {
      const found = errors.find((f) => f.file.endsWith(`metrics/${file}.yaml`));
      expect(found, `${file}: ${shown.join('\n')}`).toBeDefined();
      expect({ line: found!.line, column: found!.column, code: found!.code }, file).toEqual({ line, column, code });
      expect(found!.message, file).toMatch(message);
    }
  });

  it('names such as constructor, toString and __proto__ are unknown names, not functions (was a crash)', () => {
    const scope: CheckScope = { role: 'formula', lookup: () => undefined, candidates: () => ['total'] };
    for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf', '__defineGetter__']) {
      const parsed = parseExpression(name);
      const issues = checkExpression(parsed.expr!, scope).issues;
      expect(issues.map((i) => [i.code, i.message])).toEqual([['unknown-identifier', `unknown name '${name}' in formula`]]);
      const called = parseExpression(`${name}(1)`);
      expect(checkExpression(called.expr!, scope).issues.map((i) => i.code)).toEqual(['disallowed-function']);
    }
  });
});

describe('hostile expressions: every command that loads the library refuses it', () => {
  // The library's first error in file order: constructor_access.yaml, line 12, column 11.
  const FIRST = /^rmos: the library has 13 errors \(first: .*expression-escapes\/metrics\/constructor_access\.yaml:12:11 property access .*\); run 'rmos lint .*' and fix them first\n$/;

  it.each([
    ['compute', ['compute', LIB, '--data', EXAMPLE_DATA, '--period', '2025-Q3']],
    ['variance', ['variance', LIB, '--data', EXAMPLE_DATA, '--period', '2025-Q3', '--against', 'prior']],
    ['compile', ['compile', LIB, '--dialect', 'duckdb', '--period', '2025-Q3']],
    ['catalog', ['catalog', LIB]],
    ['test', ['test', LIB]],
    ['explain (was exit 0, showing the formula as if it worked)', ['explain', 'import_fs', LIB]],
  ])('%s: exit 2, the first error with file, line and column', (_name, args) => {
    const result = timedCli(args);
    expectInputError(result, FIRST);
    expect(result.ms).toBeLessThan(15_000);
  });
});

describe('expressions too large for the parser and the recursive walks (was a stack overflow)', () => {
  const scope: CheckScope = { role: 'formula', lookup: (name) => (name === 'total' ? { kind: 'measure', type: 'number' } : undefined), candidates: () => ['total'] };

  it.each([
    ['a 2,000-term sum (was "internal error: Maximum call stack size exceeded")', Array.from({ length: 2000 }, () => 'total').join(' + '), /^the expression is 15997 characters long; an expression may be at most 4000\. Split it into measures/],
    ['a 600-term sum', Array.from({ length: 600 }, () => 't').join('+'), /^the expression has 600 names and values; an expression may have at most 256\./],
    ['1,000 nested parentheses (was "syntax error: maximum call stack size exceeded")', `${'('.repeat(1000)}total${')'.repeat(1000)}`, /^parentheses nest deeper than 32 levels/],
    ['3,990 signs in a row (was a stack overflow)', `${'-'.repeat(3990)}total`, /^the expression has 3990 operators; an expression may have at most 256\./],
    ['990 nots in a row', `${'not '.repeat(990)}true ? total : 1`, /^the expression has 992 operators/],
  ])('%s: one expression-syntax issue, quickly', (_name, text, message) => {
    const started = performance.now();
    const parsed = parseExpression(text);
    expect(parsed.issue?.code).toBe('expression-syntax');
    expect(parsed.issue?.message).toMatch(message);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('at the limits, an expression still parses, checks and compiles', () => {
    for (const text of [Array.from({ length: 256 }, () => 'total').join(' + '), `${'('.repeat(32)}total${')'.repeat(32)}`, `${'-'.repeat(250)}total`, `${'abs('.repeat(30)}total${')'.repeat(30)}`]) {
      const parsed = parseExpression(text);
      expect(parsed.issue, text.slice(0, 40)).toBeUndefined();
      expect(checkExpression(parsed.expr!, scope).issues).toEqual([]);
    }
  });

  it('text inside quotes does not count as operators or nesting', () => {
    const parsed = parseExpression(`total == "${'-('.repeat(300)}"`);
    expect(parsed.issue).toBeUndefined();
  });
});
