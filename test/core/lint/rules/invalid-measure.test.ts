import { metric } from '../lint-library.js';
import { testRule } from '../rule-tester.js';

/** Replaces the `total` measure's aggregate line (line 11) with `lines`. */
const measure = (lines: string) => metric('m').replace('    aggregate: count\n', lines);

testRule('invalid-measure', {
  valid: [
    { name: 'count needs no column', library: { metrics: { 'm.yaml': metric('m') } } },
    { name: 'sum with a column', library: { metrics: { 'm.yaml': measure('    aggregate: sum\n    column: amount\n') } } },
    { name: 'percentile with a column and p', library: { metrics: { 'm.yaml': measure('    aggregate: percentile\n    column: score\n    p: 0.9\n') } } },
  ],
  invalid: [
    {
      name: 'sum without a column',
      library: { metrics: { 'm.yaml': measure('    aggregate: sum\n') } },
      errors: [{ line: 11, column: 16, message: "'sum' needs 'column:' naming the column to aggregate" }],
    },
    {
      name: 'percentile without column and without p',
      library: { metrics: { 'm.yaml': measure('    aggregate: percentile\n') } },
      errors: [
        { line: 11, column: 16, message: "'percentile' needs 'column:' naming the column to aggregate" },
        { line: 11, column: 16, message: "'percentile' needs 'p:' between 0 and 1, e.g. p: 0.9" },
      ],
    },
    {
      name: 'p on an aggregate that is not a percentile, on the key',
      library: { metrics: { 'm.yaml': measure('    aggregate: avg\n    column: score\n    p: 0.5\n') } },
      errors: [{ line: 13, column: 5, message: "'p' applies only to aggregate: percentile" }],
    },
  ],
});
