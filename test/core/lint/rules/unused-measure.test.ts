import { metric } from '../lint-library.js';
import { testRule } from '../rule-tester.js';

const withExtra = (formula: string, tail = '') => metric('m', formula, tail).replace('formula:', '  extra:\n    aggregate: count\n    where: is_test\nformula:');

testRule('unused-measure', {
  valid: [
    { name: 'every measure in the formula', library: { metrics: { 'm.yaml': withExtra('total - extra') } } },
    { name: 'a measure used only as the sample', library: { metrics: { 'm.yaml': withExtra('total', 'sample: extra\n') } } },
    { name: 'a measure used only by the interval', library: { metrics: { 'm.yaml': withExtra('total', 'interval: { method: wilson, successes: extra, total: total }\n') } } },
  ],
  invalid: [
    {
      name: 'a measure nothing uses: a warning on its key',
      library: { metrics: { 'm.yaml': withExtra('total') } },
      errors: [{ line: 12, column: 3, severity: 'warning', message: "the measure 'extra' is not used by the formula, sample or interval" }],
    },
  ],
});
