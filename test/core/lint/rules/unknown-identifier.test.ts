import { metric } from '../lint-library.js';
import { testRule } from '../rule-tester.js';

const where = (condition: string) => metric('m').replace('    aggregate: count\n', `    aggregate: count\n    where: ${condition}\n`);
const MARGIN = 'library: test\nparameters:\n  margin: { value: 0.8 }\n';

testRule('unknown-identifier', {
  valid: [
    { name: 'measures, parameters and other metrics in a formula', library: { manifest: MARGIN, metrics: { 'a.yaml': metric('a', 'total * margin + b'), 'b.yaml': metric('b') } } },
    { name: 'columns in a row condition', library: { metrics: { 'm.yaml': where('score >= 9 and region == "EMEA"') } } },
    {
      name: 'a metric whose file is broken is known to exist',
      library: { metrics: { 'a.yaml': metric('a', 'total + b'), 'b.yaml': 'metric: b\nname: 5\n' } },
    },
  ],
  invalid: [
    {
      name: 'a misspelt measure in a formula, with a suggestion',
      library: { metrics: { 'm.yaml': metric('m', 'totl * 2') } },
      errors: [{ line: 12, column: 10, message: "unknown name 'totl' in formula (did you mean 'total'?)" }],
    },
    {
      name: 'a misspelt parameter, placed at its own position in the formula',
      library: { manifest: MARGIN, metrics: { 'm.yaml': metric('m', 'total * margn') } },
      errors: [{ line: 12, column: 18, message: "unknown name 'margn' in formula (did you mean 'margin'?)" }],
    },
    {
      name: 'a misspelt column in a row condition, naming the source',
      library: { metrics: { 'm.yaml': where('region == "EMEA" and scor >= 9') } },
      errors: [{ line: 12, column: 33, message: "unknown name 'scor' in row condition on responses (did you mean 'score'?)" }],
    },
    {
      name: 'a column of another source in an exclusion',
      library: { metrics: { 'm.yaml': metric('m', 'total', 'exclusions:\n  spam:\n    where: is_spam\n    reason: spam is not feedback\n') } },
      errors: [{ line: 19, column: 12, message: "unknown name 'is_spam' in exclusion on responses" }],
    },
    {
      name: 'a column name in a formula, where only measures, parameters and metrics exist',
      library: { metrics: { 'm.yaml': metric('m', 'score / total') } },
      errors: [{ line: 12, column: 10, message: /^unknown name 'score' in formula/ }],
    },
  ],
});
