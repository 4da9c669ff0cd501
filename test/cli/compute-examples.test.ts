import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ComputeReport } from '../../src/report/compute/report.js';
import { validateReport } from '../report/validate-report.js';
import { ROOT, runCli } from './run-cli.js';

// An independent, deliberately simple computation of the six standard metrics over the
// shipped example exports for 2025-Q3 (csv-parse, Date.parse, plain loops), compared
// with what `rmos compute --format json` reports.

const DATA = join(ROOT, 'examples/data');
const Q3_START = Date.UTC(2025, 6, 1);
const Q3_END = Date.UTC(2025, 9, 1); // exclusive
const Z = 1.959963984540054;
const GROSS_MARGIN = 0.8;

type Row = Record<string, string>;

function readCsv(path: string, delimiter = ','): Row[] {
  const bytes = readFileSync(path);
  const text = (path.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
  return parse(text, { columns: true, bom: true, delimiter, skip_empty_lines: true }) as Row[];
}

const inQ3 = (ms: number): boolean => ms >= Q3_START && ms < Q3_END;
/** ISO timestamps with Z or an offset; "YYYY-MM-DD HH:MM:SS" and plain dates are UTC. */
const instant = (text: string): number => Date.parse(/[zZ]|[+-]\d\d:\d\d$/.test(text) ? text : `${text.replace(' ', 'T')}${text.length === 10 ? 'T00:00:00' : ''}Z`);

/** A score: a number, 'missing' or 'invalid'. */
function score(cell: string, min: number, max: number): number | 'missing' | 'invalid' {
  const text = cell.trim();
  if (['', 'na', 'n/a', 'null', '-'].includes(text.toLowerCase())) return 'missing';
  if (!/^\d+(\.0+)?$/.test(text)) return 'invalid';
  const value = Number(text);
  return value >= min && value <= max ? value : 'invalid';
}

const usAmount = (text: string): number => Number(text.replace(/[$,\s]/g, ''));
const euAmount = (text: string): number => Number(text.replace(/[€\s.]/g, '').replace(',', '.'));

interface SurveyTally {
  n: number;
  values: number[];
}

interface Expected {
  survey: { duplicates: number; tests: number; nps: Map<string, SurveyTally>; csat: Map<string, SurveyTally>; ces: Map<string, SurveyTally> };
  fcr: { resolved: number; firstContact: number };
  romi: { won: number; marketing: number };
  cac: { spend: number; customers: number; mrr: number };
}

function tally(map: Map<string, SurveyTally>, key: string, value: number): void {
  const t = map.get(key) ?? { n: 0, values: [] };
  t.n++;
  t.values.push(value);
  map.set(key, t);
}

function computeExpected(): Expected {
  const folder = join(DATA, 'survey_responses');
  const seen = new Set<string>();
  const survey: Expected['survey'] = { duplicates: 0, tests: 0, nps: new Map(), csat: new Map(), ces: new Map() };
  for (const name of readdirSync(folder).sort()) {
    for (const row of readCsv(join(folder, name))) {
      if (!inQ3(instant(row.submitted_at!))) continue;
      if (seen.has(row.response_id!)) {
        survey.duplicates++;
        continue;
      }
      seen.add(row.response_id!);
      if (/^(true|yes|y|t|1)$/i.test(row.is_test!.trim())) {
        survey.tests++;
        continue;
      }
      const specs = [['nps', 'nps_score', 0, 10], ['csat', 'csat_score', 1, 5], ['ces', 'ces_score', 1, 7]] as const;
      for (const [metric, column, min, max] of specs) {
        const value = score(row[column]!, min, max);
        if (typeof value !== 'number') continue;
        tally(survey[metric], '', value);
        tally(survey[metric], row.region!, value);
      }
    }
  }

  const fcr = { resolved: 0, firstContact: 0 };
  const cases = new Set<string>();
  for (const row of readCsv(join(DATA, 'support_cases.csv'))) {
    if (row['Solved At'] === '' || !inQ3(instant(row['Solved At']!)) || cases.has(row['Ticket ID']!)) continue;
    cases.add(row['Ticket ID']!);
    if (row.Spam === 'true' || !['solved', 'closed'].includes(row.Status!)) continue;
    fcr.resolved++;
    if (Number(row['Agent Contacts']) <= 1 && Number(row.Reopens) === 0) fcr.firstContact++;
  }

  const romi = { won: 0, marketing: 0 };
  const cac = { spend: 0, customers: 0, mrr: 0 };
  for (const row of readCsv(join(DATA, 'opportunities.csv'))) {
    if (row.closed_at !== '' && inQ3(instant(row.closed_at!)) && row.stage === 'closed_won') romi.won += usAmount(row.amount!);
  }
  for (const row of readCsv(join(DATA, 'spend.csv'), ';')) {
    if (!inQ3(instant(row.date!))) continue;
    cac.spend += euAmount(row.amount!);
    if (row.category === 'marketing') romi.marketing += euAmount(row.amount!);
  }
  for (const row of readCsv(join(DATA, 'new_customers.csv'))) {
    if (!inQ3(instant(row.acquired_at!))) continue;
    cac.customers++;
    cac.mrr += usAmount(row.mrr!);
  }
  return { survey, fcr, romi, cac };
}

const npsOf = (t: SurveyTally): number => (100 * (t.values.filter((v) => v >= 9).length - t.values.filter((v) => v <= 6).length)) / t.n;
const csatOf = (t: SurveyTally): number => (100 * t.values.filter((v) => v >= 4).length) / t.n;
const meanOf = (t: SurveyTally): number => t.values.reduce((s, v) => s + v, 0) / t.n;

function wilson(successes: number, n: number): [number, number] {
  const p = successes / n;
  const centre = (p + (Z * Z) / (2 * n)) / (1 + (Z * Z) / n);
  const half = (Z * Math.sqrt((p * (1 - p)) / n + (Z * Z) / (4 * n * n))) / (1 + (Z * Z) / n);
  return [100 * (centre - half), 100 * (centre + half)];
}

function trinomial(t: SurveyTally): [number, number] {
  const pp = t.values.filter((v) => v >= 9).length / t.n;
  const pm = t.values.filter((v) => v <= 6).length / t.n;
  const se = Math.sqrt((pp + pm - (pp - pm) ** 2) / t.n);
  return [100 * (pp - pm - Z * se), 100 * (pp - pm + Z * se)];
}

const close = (actual: number | null | undefined, expected: number): void => {
  expect(actual).not.toBeNull();
  expect(Math.abs(actual! - expected), `${actual} vs ${expected}`).toBeLessThan(1e-9);
};

describe('rmos compute over the shipped examples, 2025-Q3, against an independent computation', () => {
  let report: ComputeReport;
  let expected: Expected;
  const metric = (id: string) => report.metrics.find((m) => m.id === id)!;
  const segment = (id: string, region: string) => metric(id).segments.find((s) => s.dimensions.region === region)!;

  beforeAll(() => {
    const result = runCli(['compute', 'metrics', '--data', 'examples/data', '--period', '2025-Q3', '--by', 'region', '--format', 'json']);
    expect(result.code).toBe(0);
    report = validateReport(result.stdout);
    expected = computeExpected();
  });

  it('nps is 40.27 over 2041 responses, with the trinomial interval', () => {
    const all = expected.survey.nps.get('')!;
    expect(all.n).toBe(2041);
    expect(metric('nps').n).toBe(2041);
    close(metric('nps').value, npsOf(all));
    expect(metric('nps').value).toBeCloseTo(40.27, 2);
    close(metric('nps').ci95![0], trinomial(all)[0]);
    close(metric('nps').ci95![1], trinomial(all)[1]);
  });

  it('nps by region: NA 46.8, EMEA 43.5, APAC 32.9, LATAM 23.3', () => {
    const published = { NA: 46.8, EMEA: 43.5, APAC: 32.9, LATAM: 23.3 };
    expect(metric('nps').segments.map((s) => s.dimensions.region)).toEqual(['APAC', 'EMEA', 'LATAM', 'NA']);
    for (const [region, value] of Object.entries(published)) {
      const mine = expected.survey.nps.get(region)!;
      expect(segment('nps', region).n).toBe(mine.n);
      close(segment('nps', region).value, npsOf(mine));
      expect(Number(segment('nps', region).value!.toFixed(1))).toBe(value);
    }
  });

  it('csat is 75.17 over 1961 responses, with the Wilson interval; ces is 5.359 over 1824', () => {
    const csat = expected.survey.csat.get('')!;
    expect(metric('csat').n).toBe(1961);
    expect(csat.n).toBe(1961);
    close(metric('csat').value, csatOf(csat));
    expect(metric('csat').value).toBeCloseTo(75.17, 2);
    const [low, high] = wilson(csat.values.filter((v) => v >= 4).length, csat.n);
    close(metric('csat').ci95![0], low);
    close(metric('csat').ci95![1], high);
    const ces = expected.survey.ces.get('')!;
    expect(metric('ces').n).toBe(1824);
    close(metric('ces').value, meanOf(ces));
    expect(metric('ces').value).toBeCloseTo(5.359, 3);
    for (const region of ['NA', 'EMEA', 'APAC', 'LATAM']) {
      close(segment('csat', region).value, csatOf(expected.survey.csat.get(region)!));
      close(segment('ces', region).value, meanOf(expected.survey.ces.get(region)!));
    }
  });

  it('survey accounting: 3 re-exported duplicates and 20 test responses in the quarter', () => {
    const a = metric('nps').accounting.survey_responses!;
    expect(a.duplicate).toBe(expected.survey.duplicates);
    expect(a.duplicate).toBe(3);
    expect(a.excluded).toEqual({ test_responses: expected.survey.tests });
    expect(expected.survey.tests).toBe(20);
    expect(a.used).toBe(2041);
  });

  it('fcr is 73.65 = 1987 / 2698', () => {
    expect(expected.fcr).toEqual({ resolved: 2698, firstContact: 1987 });
    expect(metric('fcr').measures).toEqual({ resolved: 2698, first_contact: 1987 });
    expect(metric('fcr').n).toBe(2698);
    close(metric('fcr').value, (100 * 1987) / 2698);
    const [low, high] = wilson(1987, 2698);
    close(metric('fcr').ci95![0], low);
    close(metric('fcr').ci95![1], high);
  });

  it('romi is 167.15 and cac_payback 10.52, not segmented by region', () => {
    close(metric('romi').measures.won_revenue, expected.romi.won);
    close(metric('romi').measures.marketing_spend, expected.romi.marketing);
    close(metric('romi').value, (100 * (expected.romi.won * GROSS_MARGIN - expected.romi.marketing)) / expected.romi.marketing);
    expect(metric('romi').value).toBeCloseTo(167.15, 2);
    const { spend, customers, mrr } = expected.cac;
    expect(metric('cac_payback').measures.new_customers).toBe(customers);
    close(metric('cac_payback').value, spend / customers / ((mrr / customers) * GROSS_MARGIN));
    expect(metric('cac_payback').value).toBeCloseTo(10.52, 2);
    expect(metric('romi').segments).toEqual([]);
    expect(metric('cac_payback').segments).toEqual([]);
  });
});
