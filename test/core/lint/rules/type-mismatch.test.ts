import { metric } from '../lint-library.js';
import { testRule } from '../rule-tester.js';

const where = (condition: string) => metric('m').replace('    aggregate: count\n', `    aggregate: count\n    where: ${condition}\n`);
/** Replaces the `total` measure's aggregate line (line 11); a column given here sits on line 12, value at column 13. */
const measure = (lines: string) => metric('m').replace('    aggregate: count\n', lines);

testRule('type-mismatch', {
  valid: [
    { name: 'sum of a currency column, max of a date', library: { metrics: { 'm.yaml': measure('    aggregate: sum\n    column: amount\n').replace('formula: total', 'formula: total + latest').replace('formula:', '  latest:\n    aggregate: max\n    column: answered_on\nformula:') } } },
    { name: 'the difference of two timestamps is a number of days', library: { metrics: { 'm.yaml': where('submitted_at - submitted_at <= 1.5') } } },
    { name: 'text compared with text, a boolean column as a condition', library: { metrics: { 'm.yaml': where('region == "EMEA" or is_test') } } },
  ],
  invalid: [
    {
      name: 'summing a text column, at the column',
      library: { metrics: { 'm.yaml': measure('    aggregate: sum\n    column: region\n') } },
      errors: [{ line: 12, column: 13, message: "'sum' needs a numeric column, but responses.region is string" }],
    },
    {
      name: 'the maximum of a boolean column',
      library: { metrics: { 'm.yaml': measure('    aggregate: max\n    column: is_test\n') } },
      errors: [{ line: 12, column: 13, message: "'max' needs a number, date or timestamp column, but responses.is_test is boolean" }],
    },
    {
      name: 'comparing a date with a number',
      library: { metrics: { 'm.yaml': where('answered_on > 5') } },
      errors: [{ line: 12, column: 12, message: 'cannot compare a date with a number' }],
    },
    {
      name: 'a formula that gives a condition',
      library: { metrics: { 'm.yaml': metric('m', 'total > 5') } },
      errors: [{ line: 12, column: 10, message: 'a formula must give a number, but this gives true or false' }],
    },
    {
      name: 'a row condition that gives a number',
      library: { metrics: { 'm.yaml': where('score') } },
      errors: [{ line: 12, column: 12, message: 'a row condition must be true or false, but this gives a number' }],
    },
    {
      name: 'an exclusion that gives text',
      library: { metrics: { 'm.yaml': metric('m', 'total', 'exclusions:\n  by_region:\n    where: region\n    reason: not ours\n') } },
      errors: [{ line: 19, column: 12, message: /must be true or false, but this gives text$/ }],
    },
    {
      name: "'not' applied to a number, at the number",
      library: { metrics: { 'm.yaml': where('not score') } },
      errors: [{ line: 12, column: 16, message: "'not' needs a condition, but this is a number" }],
    },
    {
      name: 'ordering text',
      library: { metrics: { 'm.yaml': where('region > "EMEA"') } },
      errors: [{ line: 12, column: 12, message: "'>' orders numbers, dates and timestamps; text can only be compared with == or !=" }],
    },
    {
      name: 'a function named without parentheses',
      library: { metrics: { 'm.yaml': metric('m', 'total * sqrt') } },
      errors: [{ line: 12, column: 18, message: "'sqrt' is a function; call it with parentheses, e.g. sqrt(x)" }],
    },
    {
      name: 'a function given the wrong number of arguments',
      library: { metrics: { 'm.yaml': metric('m', 'round(total, 1, 2)') } },
      errors: [{ line: 12, column: 10, message: 'round() takes 1 to 2 arguments, not 3 (round(x, digits): half away from zero, digits default 0)' }],
    },
  ],
});
