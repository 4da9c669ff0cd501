import { describe, expect, it } from 'vitest';
import { accountingErrors, schemaErrors, validateReport } from '../validate-report.js';
import { sampleReport } from './sample-report.js';

type Mutable = Record<string, any>;

/** The sample report with one change applied. */
function changed(change: (r: Mutable) => void): Mutable {
  const report = JSON.parse(JSON.stringify(sampleReport())) as Mutable;
  change(report);
  return report;
}

describe('schemas/report.schema.json', () => {
  it('accepts a report using every field (comparison, trend, segments, spread, null values)', () => {
    expect(schemaErrors(sampleReport())).toEqual([]);
    validateReport(JSON.stringify(sampleReport()));
  });

  it('accepts the minimal shape: no generated_at, no comparison, no git revision', () => {
    const report = changed((r) => {
      delete r.generated_at;
      r.comparison = null;
      r.library.revision = null;
      r.library.dirty = null;
      for (const m of r.metrics) delete m.trend;
    });
    expect(schemaErrors(report)).toEqual([]);
  });

  it.each([
    ['an unknown status', (r: Mutable) => (r.metrics[0].status = 'great'), '/metrics/0/status must be equal to one of the allowed values'],
    ['a segment status outside the enum', (r: Mutable) => (r.metrics[0].segments[0].status = 'ok'), '/metrics/0/segments/0/status must be equal to one of the allowed values'],
    ['a sha256 that is not 64 hex digits', (r: Mutable) => (r.inputs[0].files[0].sha256 = 'abc'), '/inputs/0/files/0/sha256 must match pattern "^[0-9a-f]{64}$"'],
    ['a fingerprint in upper case', (r: Mutable) => (r.metrics[1].fingerprint = 'ABCDEF0123456789'), '/metrics/1/fingerprint must match pattern "^[0-9a-f]{16}$"'],
    ['an extra top-level property', (r: Mutable) => (r.extra = 1), '/ must NOT have additional properties'],
    ['an extra metric property', (r: Mutable) => (r.metrics[0].colour = 'red'), '/metrics/0 must NOT have unevaluated properties'],
    ['an extra segment property', (r: Mutable) => (r.metrics[0].segments[0].id = 'nps'), '/metrics/0/segments/0 must NOT have unevaluated properties'],
    ['an extra accounting count', (r: Mutable) => (r.metrics[0].accounting.survey_responses.skipped = 0), '/metrics/0/accounting/survey_responses must NOT have additional properties'],
    ['a missing accounting count', (r: Mutable) => delete r.metrics[0].accounting.survey_responses.duplicate, "/metrics/0/accounting/survey_responses must have required property 'duplicate'"],
    ['a fractional row count', (r: Mutable) => (r.metrics[0].accounting.survey_responses.used = 4.5), '/metrics/0/accounting/survey_responses/used must be integer'],
    ['a ci95 with three bounds', (r: Mutable) => (r.metrics[0].ci95 = [1, 2, 3]), '/metrics/0/ci95 must NOT have more than 2 items'],
    ['a value given as text', (r: Mutable) => (r.metrics[0].value = '20'), '/metrics/0/value must be number,null'],
    ['a period date that is not YYYY-MM-DD', (r: Mutable) => (r.period.start = '2025-7-1'), '/period/start must match pattern "^\\d{4}-\\d{2}-\\d{2}$"'],
    ['a direction other than higher/lower', (r: Mutable) => (r.metrics[0].direction = 'up'), '/metrics/0/direction must be equal to one of the allowed values'],
    ['a parameter that is not a number', (r: Mutable) => (r.parameters.gross_margin = '0.8'), '/parameters/gross_margin must be number'],
    ['a metric without accounting', (r: Mutable) => delete r.metrics[2].accounting, "/metrics/2 must have required property 'accounting'"],
  ])('rejects %s', (_, change, error) => {
    expect(schemaErrors(changed(change))).toContain(error);
  });
});

describe('the accounting invariant', () => {
  it('holds for the sample report', () => {
    expect(accountingErrors(sampleReport())).toEqual([]);
  });

  it('names the metric and source whose counts do not add up to the rows read', () => {
    const report = changed((r) => (r.metrics[2].accounting.spend.used = 2));
    expect(accountingErrors(report as never)).toEqual(['romi · spend: 2 rows accounted for, 1 read']);
  });

  it('counts every named exclusion', () => {
    const report = changed((r) => (r.metrics[0].accounting.survey_responses.excluded.other = 1));
    expect(accountingErrors(report as never)).toEqual(['nps · survey_responses: 10 rows accounted for, 9 read']);
  });
});
