import { metric, RESPONSES } from '../lint-library.js';
import { testRule } from '../rule-tester.js';

const measuring = (lines: string) => metric('m').replace('    aggregate: count\n', `    aggregate: count\n${lines}`);

testRule('unknown-column', {
  valid: [
    { name: 'existing columns', library: { metrics: { 'm.yaml': measuring('    column: score\n    time_column: answered_on\n') } } },
  ],
  invalid: [
    {
      name: "a measure's column, with a suggestion",
      library: { metrics: { 'm.yaml': measuring('    column: scor\n') } },
      errors: [{ file: 'metrics/m.yaml', line: 12, column: 13, message: "the column 'scor' is not a column of responses (did you mean 'score'?)" }],
    },
    {
      name: "a measure's time column",
      library: { metrics: { 'm.yaml': measuring('    time_column: answerd_on\n') } },
      errors: [{ line: 12, column: 18, message: "the time column 'answerd_on' is not a column of responses (did you mean 'answered_on'?)" }],
    },
    {
      name: "a source's time column and key",
      library: { sources: { 'responses.yaml': RESPONSES.replace('time_column: submitted_at', 'time_column: submited_at').replace('key: response_id', 'key: uuid') } },
      errors: [
        { file: 'sources/responses.yaml', line: 2, column: 14, message: "the time column 'submited_at' is not a column of responses (did you mean 'submitted_at'?)" },
        { file: 'sources/responses.yaml', line: 3, column: 6, message: "the key 'uuid' is not a column of responses" },
      ],
    },
  ],
});
