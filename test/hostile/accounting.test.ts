import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCompute } from '../../src/io/compute/run-compute.js';
import { COMPUTE_FORMATTERS } from '../../src/report/compute/index.js';
import { accountingErrors, validateReport } from '../report/validate-report.js';
import { ACME, EXAMPLE_DATA, removeTemps, STANDARD, tempDir, timedCli } from './hostile-cli.js';

afterAll(removeTemps);

// For every library/data pair the repository ships and many periods: the JSON report is
// valid against schemas/report.schema.json and, for each metric and source,
// out_of_period + duplicate + excluded + missing + invalid + used = read.

const MONTHS = Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}`);
const QUARTERS = ['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2024-Q4'];
const OTHERS = ['2025', 'FY2025', '2025-W27'];

interface Case {
  readonly library: string;
  readonly data: string;
  readonly period?: string;
  readonly from?: string;
  readonly to?: string;
  readonly by?: string[];
}

async function jsonReport(c: Case): Promise<string> {
  const outcome = await runCompute({
    library: c.library,
    data: c.data,
    sources: new Map(),
    period: c.period,
    from: c.from,
    to: c.to,
    by: c.by ?? [],
    params: new Map(),
    onReject: () => undefined,
  });
  return COMPUTE_FORMATTERS.json(outcome.report, { color: false });
}

/** The rows read across metrics and sources, so an empty report cannot pass vacuously. */
function rowsRead(report: ReturnType<typeof validateReport>): number {
  return report.metrics.reduce((sum, m) => sum + Object.values(m.accounting as Record<string, { read: number }>).reduce((s, a) => s + a.read, 0), 0);
}

describe.each([
  // Both libraries run the same engine over the same data: every month for acme, the
  // coarser periods for both.
  ['standard library over examples/data', STANDARD, [...QUARTERS, ...OTHERS, '2025-02', '2025-09']],
  ['examples/acme over examples/data', ACME, [...MONTHS, ...QUARTERS, ...OTHERS]],
])('%s', (_name, library, periods) => {
  it.each(periods)('--period %s', async (period) => {
    const report = validateReport(await jsonReport({ library, data: EXAMPLE_DATA, period }));
    expect(report.metrics.length).toBe(6);
    expect(rowsRead(report)).toBeGreaterThan(0);
  });

  it('--from 2025-06-15 --to 2025-08-14 --by region', async () => {
    const report = validateReport(await jsonReport({ library, data: EXAMPLE_DATA, from: '2025-06-15', to: '2025-08-14', by: ['region'] }));
    expect(report.metrics.some((m) => m.segments.length > 0)).toBe(true);
  });
});

describe('through the CLI', () => {
  it.each([
    ['standard', STANDARD],
    ['acme', ACME],
  ])('%s: rmos compute --format json --compare prior --by channel', (_name, library) => {
    const result = timedCli(['compute', library, '--data', EXAMPLE_DATA, '--period', '2025-Q3', '--compare', 'prior', '--by', 'channel', '--format', 'json']);
    expect(result.code, result.stderr).toBe(0);
    const report = validateReport(result.stdout);
    expect(rowsRead(report)).toBeGreaterThan(13_000);
  });

  it('the library and exports rmos init scaffolds', () => {
    const dir = tempDir();
    const init = timedCli(['init', join(dir, 'lib')]);
    expect(init.code, init.stderr).toBe(0);
    for (const period of ['2025-Q3', '2025']) {
      const result = timedCli(['compute', join(dir, 'lib'), '--data', join(dir, 'lib', 'exports'), '--period', period, '--format', 'json']);
      expect(result.code, result.stderr).toBe(0);
      expect(rowsRead(validateReport(result.stdout))).toBeGreaterThan(0);
    }
  });
});

describe('the invariant check itself', () => {
  it('catches a report whose accounting is one row short', async () => {
    const report = JSON.parse(await jsonReport({ library: STANDARD, data: EXAMPLE_DATA, period: '2025-Q3' }));
    report.metrics[0].accounting[Object.keys(report.metrics[0].accounting)[0]!].used -= 1;
    expect(accountingErrors(report)).toHaveLength(1);
  });
});
