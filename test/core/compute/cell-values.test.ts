import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { computeTiny, csv, metricOf, writeTemp, removeTemp } from './tiny-compute.js';

afterAll(removeTemp);

// How raw cells become values, missing or invalid, seen through whole computations.

const HEADER = 'response_id,submitted_at,region,nps_score,is_test';

async function npsOver(rows: readonly string[], options: { by?: string[]; period?: string } = {}) {
  const dir = writeTemp({ 'survey.csv': csv(HEADER, rows) });
  const file = join(dir, 'survey.csv');
  const run = await computeTiny({ sources: { survey_responses: file }, period: options.period ?? '2025-Q3', metrics: ['nps'], by: options.by });
  return { ...run, file, nps: metricOf(run.report, 'nps') };
}

const row = (id: string, score: string, isTest = 'false', region = 'EMEA', at = '2025-07-02T10:00:00Z'): string => `${id},${at},${region},${score},${isTest}`;

describe('missing and invalid scores', () => {
  it('treats blank, NA, N/A, null and - in any case as missing: not responses, counted as missing', async () => {
    const tokens = ['', '   ', 'NA', 'na', 'N/A', 'n/a', 'null', 'NULL', 'Null', '-', ' - '];
    const { nps, rejects } = await npsOver([...tokens.map((t, i) => row(`M${i}`, t)), row('P1', '9')]);
    expect(nps.accounting.survey_responses!.missing).toBe(tokens.length);
    expect(nps.accounting.survey_responses!.used).toBe(1);
    expect(nps.n).toBe(1);
    expect(rejects).toEqual([]);
  });

  it('counts nine, 11 and 9.5 as invalid and lists each with file, line, column, value and reason', async () => {
    const { nps, rejects, file } = await npsOver([row('A', 'nine'), row('B', '11'), row('C', '9.5'), row('D', '6')]);
    expect(nps.accounting.survey_responses).toMatchObject({ read: 4, invalid: 3, used: 1 });
    expect(nps.value).toBe(-100);
    // 'A,2025-07-02T10:00:00Z,EMEA,' is 28 characters: the score starts in column 29.
    expect(rejects).toEqual([
      { file, line: 2, column: 29, field: 'nps_score', value: 'nine', reason: '"nine" is not an integer' },
      { file, line: 3, column: 29, field: 'nps_score', value: '11', reason: '11 is above the maximum 10' },
      { file, line: 4, column: 29, field: 'nps_score', value: '9.5', reason: '"9.5" is not an integer' },
    ]);
  });

  it('reads 9.0 and " 9 " as the integer 9 (promoters)', async () => {
    const { nps, rejects } = await npsOver([row('A', '9.0'), row('B', ' 9 '), row('C', '"9"'), row('D', '0')]);
    expect(rejects).toEqual([]);
    expect(nps.measures).toEqual({ responses: 4, promoters: 3, detractors: 1 });
    expect(nps.value).toBe(50);
  });

  it('counts an invalid score in an otherwise excluded (test) row as excluded, not invalid: exclusions come first', async () => {
    const { nps } = await npsOver([row('T', 'nine', 'true'), row('A', '10')]);
    expect(nps.accounting.survey_responses).toMatchObject({ excluded: { test_responses: 1 }, invalid: 0, used: 1 });
  });
});

describe('booleans', () => {
  it('accepts true/false, yes/no, y/n, t/f and 1/0 in any case', async () => {
    const truthy = ['true', 'TRUE', 'Yes', 'y', 'T', '1'];
    const falsy = ['false', 'False', 'NO', 'n', 'f', '0'];
    const { nps, rejects } = await npsOver([...truthy.map((b, i) => row(`T${i}`, '10', b)), ...falsy.map((b, i) => row(`F${i}`, '0', b))]);
    expect(rejects).toEqual([]);
    expect(nps.accounting.survey_responses).toMatchObject({ read: 12, excluded: { test_responses: 6 }, used: 6 });
    expect(nps.value).toBe(-100);
  });

  it('an unknown boolean is invalid with the accepted forms in the reason', async () => {
    const { nps, rejects } = await npsOver([row('A', '10', 'maybe')]);
    expect(nps.accounting.survey_responses).toMatchObject({ invalid: 1, used: 0 });
    expect(rejects[0]!.reason).toBe('"maybe" is not a boolean (use true/false, yes/no, y/n, t/f or 1/0)');
    // 'A,2025-07-02T10:00:00Z,EMEA,10,' is 31 characters.
    expect(rejects[0]!.column).toBe(32);
  });
});

describe('text columns', () => {
  it('keeps NA in a text column as a value (North America); only a blank cell is missing', async () => {
    const { nps } = await npsOver([row('A', '10', 'false', 'NA'), row('B', '0', 'false', ''), row('C', '10', 'false', 'N/A')], { by: ['region'] });
    expect(nps.segments.map((s) => [s.dimensions.region, s.value])).toEqual([
      ['N/A', 100],
      ['NA', 100],
      [null, -100],
    ]);
  });
});

describe('currency', () => {
  it('reads EU amounts (1.234,56 €) in a semicolon file and accounting negatives ((1,234.00)) in a comma file', async () => {
    const dir = writeTemp({
      'spend.csv': csv('date;category;amount', ['2025-07-01;marketing;1.234,56 €', '2025-07-02;marketing;315,60 €', '2025-07-03;marketing;€ 2.000']),
      'opportunities.csv': csv('opportunity_id,closed_at,stage,amount', ['O1,2025-07-10,closed_won,"$5,000.00"', 'O2,2025-07-11,closed_won,"(1,234.00)"', 'O3,2025-07-12,closed_won,-66']),
    });
    const { report, rejects } = await computeTiny({ sources: { spend: join(dir, 'spend.csv'), opportunities: join(dir, 'opportunities.csv') }, period: '2025-Q3', metrics: ['romi'] });
    expect(rejects).toEqual([]);
    const romi = metricOf(report, 'romi');
    expect(romi.measures.marketing_spend).toBeCloseTo(3550.16, 9);
    expect(romi.measures.won_revenue).toBeCloseTo(3700, 9);
    expect(romi.value).toBeCloseTo((100 * (3700 * 0.8 - 3550.16)) / 3550.16, 9);
  });

  it('a currency cell that is not an amount is invalid', async () => {
    const dir = writeTemp({ 'spend.csv': csv('date;category;amount', ['2025-07-01;marketing;twelve']), 'opportunities.csv': csv('opportunity_id,closed_at,stage,amount', ['O1,2025-07-10,closed_won,1']) });
    const { report, rejects } = await computeTiny({ sources: { spend: join(dir, 'spend.csv'), opportunities: join(dir, 'opportunities.csv') }, period: '2025-Q3', metrics: ['romi'] });
    expect(metricOf(report, 'romi').accounting.spend).toMatchObject({ invalid: 1, used: 0 });
    expect(rejects.map((r) => [r.line, r.column, r.field, r.reason])).toEqual([[2, 22, 'amount', '"twelve" is not a currency amount']]);
  });
});

describe('time zones and periods', () => {
  it('converts offsets to UTC before placing a row: 2025-07-31T23:00-03:00 is August, 2025-08-01T00:30+01:00 is July', async () => {
    const rows = [
      row('A', '10', 'false', 'EMEA', '2025-07-31T23:00:05-03:00'),
      row('B', '0', 'false', 'EMEA', '2025-08-01T00:30:00+01:00'),
      row('C', '0', 'false', 'EMEA', '2025-07-31T23:59:59'), // no offset: the library's zone (UTC)
    ];
    const july = await npsOver(rows, { period: '2025-07' });
    expect(july.nps.accounting.survey_responses).toMatchObject({ read: 3, out_of_period: 1, used: 2 });
    expect(july.nps.value).toBe(-100);
    const august = await npsOver(rows, { period: '2025-08' });
    expect(august.nps.accounting.survey_responses).toMatchObject({ out_of_period: 2, used: 1 });
    expect(august.nps.value).toBe(100);
  });

  it('counts an impossible date (2025-02-31) as invalid with its position, and a blank time as missing', async () => {
    const { nps, rejects, file } = await npsOver([row('A', '10', 'false', 'EMEA', '2025-02-31T10:00:00Z'), row('B', '10', 'false', 'EMEA', ''), row('C', '10')], { period: '2025-Q1' });
    expect(nps.accounting.survey_responses).toMatchObject({ read: 3, out_of_period: 1, invalid: 1, missing: 1, used: 0 });
    expect(rejects).toEqual([{ file, line: 2, column: 3, field: 'submitted_at', value: '2025-02-31T10:00:00Z', reason: '"2025-02-31T10:00:00Z" is not a real date and time' }]);
  });
});
