import { metric } from '../lint-library.js';
import { testRule } from '../rule-tester.js';

const where = (condition: string) => metric('m').replace('    aggregate: count\n', `    aggregate: count\n    where: ${condition}\n`);
const ALLOWED = 'allowed: abs, round, min, max, log, sqrt, is_missing, if';

testRule('disallowed-function', {
  valid: [
    { name: 'every allowed function in a formula', library: { metrics: { 'm.yaml': metric('m', 'round(abs(total) + sqrt(total) + log(total, 10) + log(total) + max(total, 1) + min(total, 2, 3), 1)') } } },
    { name: 'is_missing and if in a row condition', library: { metrics: { 'm.yaml': where('is_missing(score) or if(is_test, false, score > 8)') } } },
  ],
  invalid: [
    {
      name: 'evaluate, which would run text as code',
      library: { metrics: { 'm.yaml': metric('m', 'evaluate("1 + 1")') } },
      errors: [{ line: 12, column: 10, message: `the function 'evaluate' is not allowed; ${ALLOWED}` }],
    },
    {
      name: 'import in a row condition',
      library: { metrics: { 'm.yaml': where('import("fs") == 1') } },
      errors: [{ line: 12, column: 12, message: `the function 'import' is not allowed; ${ALLOWED}` }],
    },
    {
      name: 'a misspelt function, with a suggestion, at the function name',
      library: { metrics: { 'm.yaml': metric('m', '100 * sqr(total)') } },
      errors: [{ line: 12, column: 16, message: `the function 'sqr' is not allowed (did you mean 'sqrt'?); ${ALLOWED}` }],
    },
    {
      name: 'a measure called like a function',
      library: { metrics: { 'm.yaml': metric('m', '100 * total(1)') } },
      errors: [{ line: 12, column: 16, message: "'total' is a measure, not a function" }],
    },
  ],
});
