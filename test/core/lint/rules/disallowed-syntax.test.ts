import { metric } from '../lint-library.js';
import { testRule } from '../rule-tester.js';

const where = (condition: string) => metric('m').replace('    aggregate: count\n', `    aggregate: count\n    where: ${condition}\n`);

testRule('disallowed-syntax', {
  valid: [
    { name: 'operators, comparisons, conditionals', library: { metrics: { 'm.yaml': metric('m', '(total ^ 2 mod 7) / 2 - -total + (total > 1 ? 1 : 0)') } } },
  ],
  invalid: [
    {
      name: 'assignment instead of comparison',
      library: { metrics: { 'm.yaml': metric('m', 'total = 1') } },
      errors: [{ line: 12, column: 10, message: /^assignment \(=\).*use == to compare/ }],
    },
    {
      name: 'property access, the way out of a sandbox',
      library: { metrics: { 'm.yaml': where('region.constructor == "x"') } },
      errors: [{ line: 12, column: 12, message: 'property access (a.b or a["b"]) is not allowed in an rmos expression' }],
    },
    {
      name: 'two values side by side',
      library: { metrics: { 'm.yaml': metric('m', '2 total') } },
      errors: [{ line: 12, column: 10, message: 'two values stand side by side; write the operator explicitly (e.g. 2 * x)' }],
    },
    {
      name: 'several statements',
      library: { metrics: { 'm.yaml': metric('m', '"total; total"') } },
      errors: [{ line: 12, column: 11, message: /^several expressions separated by ; are not allowed; write one expression/ }],
    },
    {
      name: 'a list',
      library: { metrics: { 'm.yaml': metric('m', '"[total]"') } },
      errors: [{ line: 12, column: 11, message: /^lists \(\[\.\.\.\]\) .*not allowed/ }],
    },
    {
      name: 'null as a value, pointing to is_missing',
      library: { metrics: { 'm.yaml': where('score == null') } },
      errors: [{ line: 12, column: 12, message: "'null' is not a value in rmos; use is_missing(column) to test for a missing value" }],
    },
  ],
});
