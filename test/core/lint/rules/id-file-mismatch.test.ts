import { metric, RESPONSES } from '../lint-library.js';
import { testRule } from '../rule-tester.js';

testRule('id-file-mismatch', {
  valid: [
    { name: 'ids equal file names', library: { metrics: { 'a.yaml': metric('a') } } },
    { name: 'the .yml extension works too', library: { metrics: { 'a.yml': metric('a') } } },
  ],
  invalid: [
    {
      name: 'a metric id differs from its file name',
      library: { metrics: { 'a.yaml': metric('b') } },
      errors: [{ file: 'metrics/a.yaml', line: 1, column: 9, message: "the metric id 'b' does not match the file name 'a.yaml'; rename the file to b.yaml or change the id to 'a'" }],
    },
    {
      name: 'a source id differs from its file name',
      library: { sources: { 'answers.yaml': RESPONSES } },
      errors: [{ file: 'sources/answers.yaml', line: 1, column: 9, message: "the source id 'responses' does not match the file name 'answers.yaml'; rename the file to responses.yaml or change the id to 'answers'" }],
    },
    {
      name: 'case matters',
      library: { metrics: { 'NPS.yaml': metric('nps') } },
      errors: [{ file: 'metrics/NPS.yaml', line: 1, column: 9, message: /rename the file to nps\.yaml or change the id to 'NPS'/ }],
    },
  ],
});
