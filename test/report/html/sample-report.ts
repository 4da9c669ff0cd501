import type { SegmentResult } from '../../../src/core/compute/result-types.js';
import type { ComputeReport, ReportMetric } from '../../../src/report/compute/report.js';

export const HOSTILE_NAME = '<script>alert("name")</script> & Co';
export const HOSTILE_SEGMENT = '<img src=x onerror=alert(1)>';
export const FORMULA_SEGMENT = '=HYPERLINK("http://evil.example/x","click")';

export function segment(value: string | null, overrides: Partial<SegmentResult> = {}): SegmentResult {
  return { dimensions: { region: value }, value: 10, reason: null, n: 50, measures: {}, ci95: null, target: null, status: 'no_target', spread: null, ...overrides };
}

export function metric(overrides: Partial<ReportMetric> = {}): ReportMetric {
  return {
    id: 'nps', name: 'Net Promoter Score', version: '1.2.0', fingerprint: '09111d7672c46468', unit: 'score', direction: 'higher',
    dimensions: {}, value: 40.27437530622244, reason: null, n: 2041, measures: { responses: 2041 }, ci95: [36.97433035923897, 43.5744202532059],
    target: 38, status: 'on_track', spread: null,
    accounting: { survey_responses: { read: 13574, out_of_period: 11217, duplicate: 3, excluded: { test_responses: 20 }, missing: 291, invalid: 2, used: 2041 } },
    segments: [], previous: { value: 33.00923675255226, n: 2057 }, delta: 7.265138553670177,
    ...overrides,
  };
}

/** A report with every status, a lower-is-better metric, a missing value and hostile text. */
export function sampleReport(): ComputeReport {
  return {
    rmos: '0.1.0',
    library: { name: 'acme & "friends"', path: 'libs/<acme>', revision: 'da17ba2b510d0000000000000000000000000000', dirty: true },
    period: { label: '2025-Q3', start: '2025-07-01', end: '2025-09-30' },
    comparison: { label: '2025-Q2', start: '2025-04-01', end: '2025-06-30' },
    dimensions: ['region'],
    parameters: { gross_margin: 0.72 },
    inputs: [{ source: 'survey_responses', files: [{ path: 'data/"quoted" <file>.csv', sha256: 'a'.repeat(64), rows: 13574 }] }],
    metrics: [
      metric({
        name: HOSTILE_NAME,
        trend: [
          { period: '2025-Q1', value: null, n: 0 },
          { period: '2025-Q2', value: 33.00923675255226, n: 2057 },
          { period: '2025-Q3', value: 40.27437530622244, n: 2041 },
        ],
        segments: [segment(HOSTILE_SEGMENT, { value: -12.5 }), segment(FORMULA_SEGMENT, { value: 30 }), segment(null, { value: null, n: 0, status: 'no_data' })],
      }),
      metric({ id: 'cac_payback', name: 'CAC Payback', unit: 'months', direction: 'lower', value: 10.517372265719592, n: null, ci95: null, target: 12, status: 'at_risk', delta: -5.235991376182383, previous: { value: 15.753363641901975, n: null } }),
      metric({ id: 'csat', name: 'Customer Satisfaction', unit: 'percent', value: 75.16573176950536, ci95: [73.2, 77.0], status: 'off_track', delta: -2.5 }),
      metric({ id: 'ces', name: 'Customer Effort Score', value: 5.358552631578947, status: 'no_target', target: null, delta: 0 }),
      metric({ id: 'fcr', name: 'First Contact Resolution', unit: 'percent', value: null, reason: 'no resolved cases in the period', n: 0, ci95: null, status: 'no_data', previous: null, delta: null }),
      metric({ id: 'romi', name: 'Return on Marketing Investment', unit: 'percent', value: 167.15231272850298, n: 12, status: 'insufficient_sample' }),
    ],
  };
}
