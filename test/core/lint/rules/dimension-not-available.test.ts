import { metric, RESPONSES } from '../lint-library.js';
import { testRule } from '../rule-tester.js';

const ORDERS = 'source: orders\ntime_column: day\ncolumns:\n  day: { type: date }\n  channel: { type: string }\n';

const twoSources = (dimensions: string) => `metric: m
name: M
version: 1.0.0
status: draft
owner: team
unit: count
direction: higher
measures:
  total:
    source: responses
    aggregate: count
  orders:
    source: orders
    aggregate: count
formula: total / orders
dimensions: ${dimensions}
changelog:
  - { version: 1.0.0, date: 2025-01-01, change: First. }
`;

testRule('dimension-not-available', {
  valid: [
    { name: 'dimensions that are columns of the source', library: { metrics: { 'm.yaml': metric('m', 'total', 'dimensions: [region, channel]\n') } } },
    { name: 'a dimension every source of the metric has', library: { sources: { 'responses.yaml': RESPONSES, 'orders.yaml': ORDERS }, metrics: { 'm.yaml': twoSources('[channel]') } } },
  ],
  invalid: [
    {
      name: 'a dimension that is no column, at the list item',
      library: { metrics: { 'm.yaml': metric('m', 'total', 'dimensions: [region, country]\n') } },
      errors: [{ line: 17, column: 22, message: "the dimension 'country' is not a column of responses, which m reads" }],
    },
    {
      name: 'a dimension one of two sources lacks',
      library: { sources: { 'responses.yaml': RESPONSES, 'orders.yaml': ORDERS }, metrics: { 'm.yaml': twoSources('\n  - channel\n  - region') } },
      errors: [{ line: 18, column: 5, message: "the dimension 'region' is not a column of orders, which m reads" }],
    },
  ],
});
