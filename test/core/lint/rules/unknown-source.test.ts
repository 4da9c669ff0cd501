import { metric } from '../lint-library.js';
import { testRule } from '../rule-tester.js';

const twoSources = `metric: m
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
    source: ordres
    aggregate: count
  loose:
    aggregate: count
formula: total + orders + loose
exclusions:
  tests:
    where: is_test
    reason: test rows
changelog:
  - version: 1.0.0
    date: 2025-01-01
    change: First.
`;

testRule('unknown-source', {
  valid: [
    { name: 'the metric reads a defined source', library: { metrics: { 'm.yaml': metric('m') } } },
    {
      name: 'a source whose file is broken is known to exist and not reported again',
      library: {
        sources: { 'broken.yaml': 'source: broken\ncolumns: 5\n' },
        metrics: { 'm.yaml': metric('m').replace('source: responses', 'source: broken') },
      },
    },
  ],
  invalid: [
    {
      name: "a misspelt metric source, with a suggestion",
      library: { metrics: { 'm.yaml': metric('m').replace('source: responses', 'source: respones') } },
      errors: [{ line: 8, column: 9, message: "metric 'm' reads the source 'respones', which is not defined (did you mean 'responses'?)" }],
    },
    {
      name: 'a measure reading an unknown source, and measures and exclusions with no source at all',
      library: { metrics: { 'm.yaml': twoSources } },
      errors: [
        { line: 13, column: 13, message: "measure 'orders' reads the source 'ordres', which is not defined" },
        { line: 15, column: 3, message: "measure 'loose' has no source: give it 'source:' or give the metric one" },
        { line: 19, column: 3, message: "exclusion 'tests' has no source: give it 'source:' or give the metric one" },
      ],
    },
  ],
});
