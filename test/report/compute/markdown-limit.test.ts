import { describe, expect, it } from 'vitest';
import { formatMarkdown, MARKDOWN_LIMIT } from '../../../src/report/compute/format-markdown.js';
import type { ComputeReport } from '../../../src/report/compute/report.js';
import { sampleReport } from './sample-report.js';

function withSegments(count: number): ComputeReport {
  const report = sampleReport();
  const metric = report.metrics[0]!;
  const segments = Array.from({ length: count }, (_, i) => ({ ...metric.segments[0]!, dimensions: { region: `region-${String(i).padStart(5, '0')}` }, value: i }));
  return { ...report, metrics: [{ ...metric, segments }, ...report.metrics.slice(1)] };
}

describe('markdown for pull-request comments', () => {
  it('keeps a small scorecard whole, with segments in the main table', () => {
    const text = formatMarkdown(withSegments(3), { color: false });
    expect(text).toContain('| ↳ region-00002 |');
    expect(text).not.toContain('Not shown');
  });

  it("stays under GitHub's comment limit with many segments, folding them and naming what it left out", () => {
    const text = formatMarkdown(withSegments(5000), { color: false });
    expect(text.length).toBeLessThanOrEqual(MARKDOWN_LIMIT);
    expect(text).toContain('segments</summary>');
    expect(text).toMatch(/> Not shown, to stay within a comment's length: nps: \d+ of 5000 segments\./);
    expect(text).toContain('<details><summary>Inputs</summary>');
  });
});
