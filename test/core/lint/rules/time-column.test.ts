import { metric, RESPONSES } from '../lint-library.js';
import { testRule } from '../rule-tester.js';

const UNTIMED = 'source: untimed\ncolumns:\n  id: { type: string }\n  day: { type: date }\n  label: { type: string }\n';

const twoTimes = `metric: m
name: M
version: 1.0.0
status: draft
owner: team
unit: count
direction: higher
source: responses
measures:
  total:
    aggregate: count
  late:
    aggregate: count
    time_column: answered_on
formula: total + late
changelog:
  - { version: 1.0.0, date: 2025-01-01, change: First. }
`;

testRule('time-column', {
  valid: [
    { name: "the source's time column is a timestamp", library: { metrics: { 'm.yaml': metric('m') } } },
    {
      name: 'a source without a time column, measured by a date column the measure names',
      library: {
        sources: { 'responses.yaml': RESPONSES, 'untimed.yaml': UNTIMED },
        metrics: { 'm.yaml': metric('m').replace('source: responses', 'source: untimed').replace('    aggregate: count\n', '    aggregate: count\n    time_column: day\n') },
      },
    },
  ],
  invalid: [
    {
      name: "a source's time column that is text",
      library: { sources: { 'responses.yaml': RESPONSES.replace('time_column: submitted_at', 'time_column: region') } },
      errors: [{ file: 'sources/responses.yaml', line: 2, column: 14, message: "the time column 'region' is string; it must be a date or timestamp column" }],
    },
    {
      name: 'a measure over a source without a time column, on the measure key',
      library: {
        sources: { 'responses.yaml': RESPONSES, 'untimed.yaml': UNTIMED },
        metrics: { 'm.yaml': metric('m').replace('source: responses', 'source: untimed') },
      },
      errors: [{ file: 'metrics/m.yaml', line: 10, column: 3, message: "measure 'total' cannot be placed in a period: untimed has no time_column; give the measure 'time_column:'" }],
    },
    {
      name: "a measure's own time column that is text",
      library: { metrics: { 'm.yaml': metric('m').replace('    aggregate: count\n', '    aggregate: count\n    time_column: region\n') } },
      errors: [{ line: 12, column: 18, message: "the time column 'region' is string; it must be a date or timestamp column" }],
    },
    {
      name: 'two time columns for one source within a metric',
      library: { metrics: { 'm.yaml': twoTimes } },
      errors: [{ line: 14, column: 18, message: "measures of m place responses rows by both 'submitted_at' and 'answered_on'; one metric uses one time column per source" }],
    },
  ],
});
