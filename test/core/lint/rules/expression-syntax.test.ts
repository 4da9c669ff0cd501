import { metric } from '../lint-library.js';
import { testRule } from '../rule-tester.js';

/** The `total` measure with a row condition; its value starts at line 12, column 12. */
const where = (condition: string) => metric('m').replace('    aggregate: count\n', `    aggregate: count\n    where: ${condition}\n`);

testRule('expression-syntax', {
  valid: [
    { name: 'a formula and a row condition that parse', library: { metrics: { 'm.yaml': where('score >= 9 and not is_test') } } },
    { name: 'a chained comparison', library: { metrics: { 'm.yaml': where('0 <= score <= 6') } } },
  ],
  invalid: [
    {
      name: 'a formula that ends too early, at the dangling operator',
      library: { metrics: { 'm.yaml': metric('m', 'total +') } },
      errors: [{ line: 12, column: 16, message: 'syntax error: unexpected end of expression' }],
    },
    {
      name: 'a row condition that ends too early, at its last character',
      library: { metrics: { 'm.yaml': where('score >=') } },
      errors: [{ line: 12, column: 19, message: 'syntax error: unexpected end of expression' }],
    },
    {
      name: 'an unclosed parenthesis',
      library: { metrics: { 'm.yaml': metric('m', '(total * 2') } },
      errors: [{ line: 12, column: 19, message: /^syntax error: parenthesis \) expected/ }],
    },
    {
      name: 'a row condition of blanks only',
      library: { metrics: { 'm.yaml': where('"   "') } },
      errors: [{ line: 12, column: 13, message: 'the expression is empty' }],
    },
  ],
});
