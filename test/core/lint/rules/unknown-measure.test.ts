import { testRule } from '../rule-tester.js';

/** A metric with three measures; `tail` is appended after the changelog (line 21 on). */
const withMeasures = (tail: string) => `metric: m
name: M
version: 1.0.0
status: draft
owner: team
unit: percent
direction: higher
source: responses
measures:
  total:
    aggregate: count
  good:
    aggregate: count
    where: score >= 4
  mean_score:
    aggregate: avg
    column: score
formula: 100 * good / total + 0 * mean_score
changelog:
  - { version: 1.0.0, date: 2025-01-01, change: First. }
${tail}`;

testRule('unknown-measure', {
  valid: [
    { name: 'sample and a wilson interval naming counts', library: { metrics: { 'm.yaml': withMeasures('sample: total\nmin_sample: 30\ninterval: { method: wilson, successes: good, total: total }\n') } } },
    { name: 'a t interval naming an avg measure', library: { metrics: { 'm.yaml': withMeasures('interval:\n  method: t\n  mean: mean_score\n') } } },
  ],
  invalid: [
    {
      name: 'sample names no measure, with a suggestion',
      library: { metrics: { 'm.yaml': withMeasures('sample: totl\n') } },
      errors: [{ line: 21, column: 9, message: "'totl' is not a measure of m (did you mean 'total'?)" }],
    },
    {
      name: 'the sample must be a count',
      library: { metrics: { 'm.yaml': withMeasures('sample: mean_score\n') } },
      errors: [{ line: 21, column: 9, message: "'mean_score' must be a count for this interval, but it is avg" }],
    },
    {
      name: 'interval members: unknown, wrong kind',
      library: { metrics: { 'm.yaml': withMeasures('interval:\n  method: trinomial\n  promoters: good\n  detractors: bad\n  total: mean_score\n') } },
      errors: [
        { line: 24, column: 15, message: "'bad' is not a measure of m" },
        { line: 25, column: 10, message: "'mean_score' must be a count for this interval, but it is avg" },
      ],
    },
    {
      name: 'the t interval needs an avg',
      library: { metrics: { 'm.yaml': withMeasures('interval:\n  method: t\n  mean: total\n') } },
      errors: [{ line: 23, column: 9, message: "the t interval needs an avg measure, but 'total' is count" }],
    },
    {
      name: 'min_sample without sample, on the key',
      library: { metrics: { 'm.yaml': withMeasures('min_sample: 30\n') } },
      errors: [{ line: 21, column: 1, message: "'min_sample' needs 'sample:' naming the measure that counts the sample" }],
    },
  ],
});
