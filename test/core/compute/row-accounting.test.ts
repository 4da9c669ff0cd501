import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { computeTiny, csv, metricOf, writeTemp, removeTemp } from './tiny-compute.js';

afterAll(removeTemp);

// The order a row is classified in (src/core/compute/source-run.ts): out of period,
// duplicate, excluded, a missing or invalid time, an invalid value, all measured
// values missing, used. Each row below is built to stop at one step.

const HEADER = 'response_id,submitted_at,nps_score,csat_score,is_test';
const ROWS = [
  /* line 2 */ 'J1,2025-06-30T10:00:00Z,nine,5,true', // June: out of period, whatever else is wrong
  /* line 3 */ 'R1,2025-07-01T10:00:00Z,10,5,false', // used by both
  /* line 4 */ 'R1,2025-07-02T10:00:00Z,nine,5,true', // repeats R1: duplicate before exclusion and invalid
  /* line 5 */ 'T1,2025-13-01T10:00:00Z,10,5,yes', // test response with an invalid time: excluded first
  /* line 6 */ 'X1,2025-13-01T10:00:00Z,10,5,no', // invalid time
  /* line 7 */ 'X2,,10,5,no', // no time: missing
  /* line 8 */ 'X3,2025-07-03T10:00:00Z,nine,4,no', // nps invalid; csat reads no nps → csat uses it
  /* line 9 */ 'X4,2025-07-04T10:00:00Z,,4,no', // nps missing; csat used
  /* line 10 */ 'X5,2025-07-05T10:00:00Z,0', // ragged: invalid for every metric
  /* line 11 */ 'J2,2025-06-01T10:00:00Z,1,1,no', // June row with a key seen again in July
  /* line 12 */ 'J2,2025-07-06T10:00:00Z,0,1,no', // not a duplicate: out-of-period keys are not remembered
];

async function run() {
  const dir = writeTemp({ 'survey.csv': csv(HEADER, ROWS) });
  const file = join(dir, 'survey.csv');
  const result = await computeTiny({ sources: { survey_responses: file }, period: '2025-Q3', metrics: ['nps', 'csat'] });
  return { ...result, file };
}

describe('row accounting order', () => {
  it('classifies each nps row at its first matching step, and the counts add up to the rows read', async () => {
    const { report } = await run();
    expect(metricOf(report, 'nps').accounting).toEqual({
      survey_responses: { read: 11, out_of_period: 2, duplicate: 1, excluded: { test_responses: 1 }, missing: 2, invalid: 3, used: 2 },
    });
    expect(metricOf(report, 'nps').measures).toEqual({ responses: 2, promoters: 1, detractors: 1 });
  });

  it('judges invalid and missing per metric: csat does not read nps_score', async () => {
    const { report } = await run();
    expect(metricOf(report, 'csat').accounting).toEqual({
      survey_responses: { read: 11, out_of_period: 2, duplicate: 1, excluded: { test_responses: 1 }, missing: 1, invalid: 2, used: 4 },
    });
    expect(metricOf(report, 'csat').measures).toEqual({ responses: 4, satisfied: 3 });
  });

  it('reports the duplicate with where the key was first seen, the bad cells of rows in play, and nothing for out-of-period rows', async () => {
    const { rejects, file } = await run();
    const shown = rejects.map((r) => `${r.line}:${r.column ?? ''} ${r.field ?? ''} ${r.reason}`);
    expect(shown).toEqual(
      expect.arrayContaining([
        `4: response_id duplicate response_id R1: first seen at ${file}:3; counted once`,
        '6:4 submitted_at "2025-13-01T10:00:00Z" is not a real date and time',
        '8:25 nps_score "nine" is not an integer',
        '10:  the row has 3 fields but the header has 5',
      ]),
    );
    // Rows outside the period change nothing, so their bad cells are not reported.
    expect(rejects.filter((r) => r.line === 2 || r.line === 11)).toEqual([]);
    expect(rejects.every((r) => r.file === file)).toBe(true);
  });
});
