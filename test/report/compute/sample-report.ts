import type { ComputeReport, ReportMetric } from '../../../src/report/compute/report.js';

/** A small report using every field: comparison, trend, segments, a t-interval spread, a null value. */
export function sampleReport(): ComputeReport {
  const nps: ReportMetric = {
    id: 'nps', name: 'Net Promoter Score', version: '1.2.0', fingerprint: '09111d7672c46468', unit: 'score', direction: 'higher',
    dimensions: {}, value: 20, reason: null, n: 5, measures: { responses: 5, promoters: 2, detractors: 1 },
    ci95: [-40.5, 80.5], target: 30, status: 'insufficient_sample', spread: null,
    accounting: { survey_responses: { read: 9, out_of_period: 1, duplicate: 1, excluded: { test_responses: 1 }, missing: 0, invalid: 1, used: 5 } },
    segments: [
      { dimensions: { region: 'a|b' }, value: 100, reason: null, n: 1, measures: { responses: 1, promoters: 1, detractors: 0 }, ci95: [100, 100], target: null, status: 'insufficient_sample', spread: null },
      { dimensions: { region: null }, value: 0, reason: null, n: 4, measures: { responses: 4, promoters: 1, detractors: 1 }, ci95: [-69.3, 69.3], target: null, status: 'insufficient_sample', spread: null },
    ],
    previous: { value: 10, n: 40 }, delta: 10,
    trend: [{ period: '2025-Q2', value: 10, n: 40 }, { period: '2025-Q3', value: 20, n: 5 }],
  };
  const ces: ReportMetric = {
    id: 'ces', name: 'Customer Effort Score', version: '1.0.0', fingerprint: 'abcdef0123456789', unit: 'score', direction: 'higher',
    dimensions: {}, value: 5.6, reason: null, n: 10, measures: { responses: 10, mean_score: 5.6 }, ci95: [4.634, 6.566], target: null, status: 'no_target',
    spread: { n: 10, mean: 5.6, sd: 1.35 },
    accounting: { survey_responses: { read: 9, out_of_period: 9, duplicate: 0, excluded: { test_responses: 0 }, missing: 0, invalid: 0, used: 0 } },
    segments: [], previous: null, delta: null,
  };
  const romi: ReportMetric = {
    id: 'romi', name: 'Return on Marketing Investment', version: '1.0.0', fingerprint: '0123456789abcdef', unit: 'percent', direction: 'higher',
    dimensions: {}, value: null, reason: 'division by zero', n: null, measures: { won_revenue: 1000, marketing_spend: 0 }, ci95: null, target: null, status: 'no_data', spread: null,
    accounting: {
      opportunities: { read: 2, out_of_period: 0, duplicate: 0, excluded: {}, missing: 1, invalid: 0, used: 1 },
      spend: { read: 1, out_of_period: 0, duplicate: 0, excluded: {}, missing: 0, invalid: 0, used: 1 },
    },
    segments: [], previous: { value: null, n: null }, delta: null,
  };
  return {
    rmos: '0.1.0',
    generated_at: '2025-10-02T08:00:00.000Z',
    library: { name: 'standard', path: 'metrics', revision: '75bb6f05d0714cbdfda4c979aeb5bbe000beb3f7', dirty: false },
    period: { label: '2025-Q3', start: '2025-07-01', end: '2025-09-30' },
    comparison: { label: '2025-Q2', start: '2025-04-01', end: '2025-06-30' },
    dimensions: ['region'],
    parameters: { gross_margin: 0.8 },
    inputs: [{ source: 'survey_responses', files: [{ path: 'data/survey.csv', sha256: 'a'.repeat(64), rows: 9 }] }],
    metrics: [nps, ces, romi],
  };
}
