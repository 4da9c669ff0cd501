import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { computeTiny, csv, metricOf, writeTemp, removeTemp } from './tiny-compute.js';

afterAll(removeTemp);

// Hand-checkable tables run through the standard library (metrics/) in-process.
// Every expected number below can be worked out on paper from the rows shown.

const Z = 1.959963984540054;
const SURVEY_HEADER = 'response_id,submitted_at,region,nps_score,csat_score,ces_score,is_test';

/** One survey row per score, on consecutive July days, not a test response. */
function surveyRows(column: 'nps' | 'csat' | 'ces', scores: readonly (string | number)[]): string[] {
  return scores.map((s, i) => {
    const cells = { nps: '', csat: '', ces: '', [column]: String(s) };
    return `R${i + 1},2025-07-${String((i % 28) + 1).padStart(2, '0')}T10:00:00Z,NA,${cells.nps},${cells.csat},${cells.ces},false`;
  });
}

async function survey(column: 'nps' | 'csat' | 'ces', scores: readonly (string | number)[]) {
  const dir = writeTemp({ 'survey.csv': csv(SURVEY_HEADER, surveyRows(column, scores)) });
  const { report, rejects } = await computeTiny({ sources: { survey_responses: join(dir, 'survey.csv') }, period: '2025-Q3', metrics: [column] });
  return { metric: metricOf(report, column), rejects, report };
}

describe('nps', () => {
  it('is 100 × (promoters − detractors) / responses with the trinomial interval: [0,7,7,9,9,9] → 33.33 ± 1.96 × 30.43', async () => {
    const { metric } = await survey('nps', [0, 7, 7, 9, 9, 9]);
    expect(metric.value).toBeCloseTo(100 / 3, 12);
    expect(metric.n).toBe(6);
    expect(metric.measures).toEqual({ responses: 6, promoters: 3, detractors: 1 });
    // p+ = 1/2, p− = 1/6: se = √((1/2 + 1/6 − (1/3)²) / 6) = 0.30429 → 30.43 points
    const se = Math.sqrt((1 / 2 + 1 / 6 - 1 / 9) / 6);
    expect(se * 100).toBeCloseTo(30.429, 3);
    expect(metric.ci95![0]).toBeCloseTo(100 * (1 / 3 - Z * se), 9);
    expect(metric.ci95![1]).toBeCloseTo(100 * (1 / 3 + Z * se), 9);
    expect(metric.ci95![0]).toBeCloseTo(-26.306, 3);
    expect(metric.ci95![1]).toBeCloseTo(92.973, 3);
    expect(metric.status).toBe('insufficient_sample');
  });

  it('clamps the interval to [-100, 100]: [10,10,10,10,0] → 60 with the upper bound at 100', async () => {
    const { metric } = await survey('nps', [10, 10, 10, 10, 0]);
    expect(metric.value).toBeCloseTo(60, 12);
    const se = Math.sqrt((0.8 + 0.2 - 0.36) / 5);
    expect(metric.ci95![0]).toBeCloseTo(100 * (0.6 - Z * se), 9);
    expect(metric.ci95![1]).toBe(100);
  });

  it('gives insufficient_sample below min_sample 30 whatever the value, and no_target from 30 responses', async () => {
    const below = await survey('nps', Array(29).fill(10));
    expect(below.metric.value).toBe(100);
    expect(below.metric.n).toBe(29);
    expect(below.metric.status).toBe('insufficient_sample');
    const enough = await survey('nps', Array(30).fill(10));
    expect(enough.metric.n).toBe(30);
    expect(enough.metric.status).toBe('no_target');
  });
});

describe('csat', () => {
  it('is the share of 4s and 5s with a Wilson interval: 18 of 20 → 90%, ci95 [69.897, 97.213]', async () => {
    const scores = [...Array(10).fill(5), ...Array(8).fill(4), 3, 1];
    const { metric } = await survey('csat', scores);
    expect(metric.value).toBeCloseTo(90, 12);
    expect(metric.n).toBe(20);
    expect(metric.measures).toEqual({ responses: 20, satisfied: 18 });
    expect(metric.ci95![0]).toBeCloseTo(69.8966, 3);
    expect(metric.ci95![1]).toBeCloseTo(97.2134, 3);
  });
});

describe('ces', () => {
  it('is the mean score with a t interval: [7,6,6,5,7,4,6,7,5,3] → 5.6, ci95 [4.634, 6.566]', async () => {
    const { metric } = await survey('ces', [7, 6, 6, 5, 7, 4, 6, 7, 5, 3]);
    expect(metric.value).toBeCloseTo(5.6, 12);
    expect(metric.n).toBe(10);
    // sd = √(16.4 / 9); t(0.975, 9) = 2.262157
    const half = (2.2621571627409915 * Math.sqrt(16.4 / 9)) / Math.sqrt(10);
    expect(metric.ci95![0]).toBeCloseTo(5.6 - half, 6);
    expect(metric.ci95![1]).toBeCloseTo(5.6 + half, 6);
    expect(metric.ci95![0]).toBeCloseTo(4.634, 3);
    expect(metric.ci95![1]).toBeCloseTo(6.566, 3);
    expect(metric.spread!.n).toBe(10);
    expect(metric.spread!.sd).toBeCloseTo(Math.sqrt(16.4 / 9), 12);
  });
});

describe('fcr', () => {
  const header = 'case_id,opened_at,solved_at,status,contacts,reopens,is_spam';
  const rows = [
    'C1,2025-07-01 09:00:00,2025-07-01 10:00:00,solved,1,0,false', // first contact
    'C2,2025-07-02 09:00:00,2025-07-03 10:00:00,closed,1,0,false', // first contact
    'C3,2025-07-02 09:00:00,2025-07-03 10:00:00,solved,2,0,false', // two contacts
    'C4,2025-07-02 09:00:00,2025-07-04 10:00:00,solved,1,1,false', // reopened
    'C5,2025-07-05 09:00:00,2025-07-05 10:00:00,solved,0,0,false', // first contact (0 ≤ 1)
    'C6,2025-07-05 09:00:00,2025-07-05 11:00:00,solved,1,0,true', // spam
    'C7,2025-09-29 09:00:00,,open,1,0,false', // not resolved
    'C8,2025-09-30 09:00:00,,pending,2,0,false', // not resolved
    'C9,2025-06-29 09:00:00,2025-06-30 23:59:59,solved,1,0,false', // solved in June
  ];

  it('is 100 × first-contact / resolved over solved or closed non-spam cases by solved_at: 3 of 5 → 60%', async () => {
    const dir = writeTemp({ 'cases.csv': csv(header, rows) });
    const { report } = await computeTiny({ sources: { support_cases: join(dir, 'cases.csv') }, period: '2025-Q3', metrics: ['fcr'] });
    const fcr = metricOf(report, 'fcr');
    expect(fcr.value).toBeCloseTo(60, 12);
    expect(fcr.n).toBe(5);
    expect(fcr.measures).toEqual({ resolved: 5, first_contact: 3 });
    expect(fcr.accounting).toEqual({
      support_cases: { read: 9, out_of_period: 1, duplicate: 0, excluded: { spam: 1, unresolved: 2 }, missing: 0, invalid: 0, used: 5 },
    });
  });
});

describe('romi and cac_payback', () => {
  const spend = csv('date;channel;campaign;category;amount', [
    '2025-07-01;paid_search;brand_search;marketing;2.000,00 €',
    '2025-08-15;events;trade_shows;marketing;1.000,00 €',
    '2025-09-01;outbound;sdr_outbound;sales;500,00 €',
    '2025-06-30;paid_search;brand_search;marketing;9.999,00 €',
  ]);
  const opportunities = csv('opportunity_id,created_at,closed_at,stage,amount,channel', [
    'O1,2025-05-01,2025-07-10,closed_won,"$10,000.00",paid_search',
    'O2,2025-06-01,2025-09-30,closed_won,5000,events',
    'O3,2025-06-01,2025-08-01,closed_lost,"$7,000.00",paid_search',
    'O4,2025-07-01,,proposal,"$3,000.00",paid_search',
    'O5,2025-07-01,2025-10-01,closed_won,"$8,000.00",paid_search',
  ]);
  const customers = csv('customer_id,acquired_at,channel,mrr', ['K1,2025-07-03,paid_search,"1,000.00"', 'K2,2025-09-30,events,750', 'K3,2025-10-01,events,999']);
  const dir = writeTemp({ 'spend.csv': spend, 'opportunities.csv': opportunities, 'new_customers.csv': customers });
  const sources = { spend: join(dir, 'spend.csv'), opportunities: join(dir, 'opportunities.csv'), new_customers: join(dir, 'new_customers.csv') };

  it('romi = 100 × (won × gross_margin − marketing spend) / marketing spend: 100 × (15000 × 0.8 − 3000) / 3000 = 300', async () => {
    const { report } = await computeTiny({ sources, period: '2025-Q3', metrics: ['romi'] });
    const romi = metricOf(report, 'romi');
    expect(romi.measures).toEqual({ won_revenue: 15000, marketing_spend: 3000 });
    expect(romi.value).toBeCloseTo(300, 9);
    expect(romi.n).toBeNull();
    expect(romi.ci95).toBeNull();
    expect(romi.status).toBe('no_target');
    expect(report.parameters).toEqual({ gross_margin: 0.8 });
    // O4 has no closed_at: it cannot be placed in a period and counts as missing.
    expect(romi.accounting.opportunities).toEqual({ read: 5, out_of_period: 1, duplicate: 0, excluded: {}, missing: 1, invalid: 0, used: 3 });
    expect(romi.accounting.spend).toEqual({ read: 4, out_of_period: 1, duplicate: 0, excluded: {}, missing: 0, invalid: 0, used: 3 });
  });

  it('--param gross_margin=0.5 changes romi to 100 × (7500 − 3000) / 3000 = 150 and is recorded', async () => {
    const { report } = await computeTiny({ sources, period: '2025-Q3', metrics: ['romi'], params: { gross_margin: 0.5 } });
    expect(metricOf(report, 'romi').value).toBeCloseTo(150, 9);
    expect(report.parameters).toEqual({ gross_margin: 0.5 });
  });

  it('cac_payback = (all spend / customers) / ((mrr / customers) × margin): (3500 / 2) / ((1750 / 2) × 0.8) = 2.5 months', async () => {
    const { report } = await computeTiny({ sources, period: '2025-Q3', metrics: ['cac_payback'] });
    const cac = metricOf(report, 'cac_payback');
    expect(cac.measures).toEqual({ gtm_spend: 3500, new_customers: 2, new_mrr: 1750 });
    expect(cac.value).toBeCloseTo(2.5, 12);
    expect(cac.unit).toBe('months');
    expect(cac.direction).toBe('lower');
  });

  it('--param gross_margin=0.5 changes cac_payback to (3500 / 2) / (875 × 0.5) = 4 months', async () => {
    const { report } = await computeTiny({ sources, period: '2025-Q3', metrics: ['cac_payback'], params: { gross_margin: 0.5 } });
    expect(metricOf(report, 'cac_payback').value).toBeCloseTo(4, 12);
  });
});

describe('division by zero and empty measures', () => {
  const opportunities = csv('opportunity_id,closed_at,stage,amount', ['O1,2025-07-10,closed_won,1000']);

  it('romi with no marketing spend rows is null with a reason and no_data, never Infinity or NaN', async () => {
    const dir = writeTemp({ 'spend.csv': csv('date;category;amount', ['2025-07-01;sales;500,00 €']), 'opportunities.csv': opportunities });
    const { report } = await computeTiny({ sources: { spend: join(dir, 'spend.csv'), opportunities: join(dir, 'opportunities.csv') }, period: '2025-Q3', metrics: ['romi'] });
    const romi = metricOf(report, 'romi');
    expect(romi.value).toBeNull();
    expect(romi.reason).toBe('no value for marketing_spend');
    expect(romi.status).toBe('no_data');
    expect(romi.measures).toEqual({ won_revenue: 1000, marketing_spend: null });
  });

  it('romi over marketing spend that sums to zero is null with the reason "division by zero"', async () => {
    const dir = writeTemp({ 'spend.csv': csv('date;category;amount', ['2025-07-01;marketing;0,00 €']), 'opportunities.csv': opportunities });
    const { report } = await computeTiny({ sources: { spend: join(dir, 'spend.csv'), opportunities: join(dir, 'opportunities.csv') }, period: '2025-Q3', metrics: ['romi'] });
    const romi = metricOf(report, 'romi');
    expect(romi.value).toBeNull();
    expect(romi.reason).toBe('division by zero');
    expect(romi.status).toBe('no_data');
  });

  it('nps with no valid score is null (division by zero), no interval, status no_data', async () => {
    const { metric } = await survey('nps', ['', 'NA']);
    expect(metric.value).toBeNull();
    expect(metric.reason).toBe('division by zero');
    expect(metric.ci95).toBeNull();
    expect(metric.n).toBe(0);
    expect(metric.status).toBe('no_data');
  });
});
