import { describe, expect, it } from 'vitest';
import { createAccumulator, type Accumulator } from '../../../src/core/compute/accumulators.js';
import { interval95 } from '../../../src/core/compute/interval.js';
import { applicableTarget, metricStatus } from '../../../src/core/compute/metric-status.js';
import type { IntervalDef, MetricDef, TargetDef } from '../../../src/core/library/types.js';
import { parsePeriod, type Period } from '../../../src/core/periods/index.js';

const Z = 1.959963984540054;

function counts(values: Record<string, number>): (name: string) => Accumulator | undefined {
  const accs = new Map<string, Accumulator>();
  for (const [name, n] of Object.entries(values)) {
    const acc = createAccumulator('count', false);
    for (let i = 0; i < n; i++) acc.add(1);
    accs.set(name, acc);
  }
  return (name) => accs.get(name);
}

describe('interval95', () => {
  const trinomial: IntervalDef = { method: 'trinomial', promoters: 'p', detractors: 'd', total: 'n', scale: 100 };

  it('trinomial: 100 × (p+ − p−) ± 1.96 × 100 × √((p+ + p− − (p+ − p−)²) / n)', () => {
    const [low, high] = interval95(trinomial, counts({ p: 50, d: 20, n: 100 }))!;
    const se = Math.sqrt((0.5 + 0.2 - 0.09) / 100);
    expect(low).toBeCloseTo(100 * (0.3 - Z * se), 10);
    expect(high).toBeCloseTo(100 * (0.3 + Z * se), 10);
  });

  it('trinomial is clamped to [-100, 100] and null with no responses', () => {
    expect(interval95(trinomial, counts({ p: 0, d: 2, n: 3 }))![0]).toBe(-100);
    expect(interval95(trinomial, counts({ p: 0, d: 0, n: 0 }))).toBeNull();
  });

  it('wilson on the percent scale: 18 of 20 → [69.897, 97.213]; 0 of 0 → null', () => {
    const wilson: IntervalDef = { method: 'wilson', successes: 's', total: 'n', scale: 100 };
    const [low, high] = interval95(wilson, counts({ s: 18, n: 20 }))!;
    expect(low).toBeCloseTo(69.8966, 4);
    expect(high).toBeCloseTo(97.2134, 4);
    expect(interval95(wilson, counts({ s: 0, n: 0 }))).toBeNull();
  });

  it('t interval of a mean: [7,6,6,5,7,4,6,7,5,3] → [4.634, 6.566]; one value → null', () => {
    const mean = createAccumulator('avg', true);
    for (const v of [7, 6, 6, 5, 7, 4, 6, 7, 5, 3]) mean.add(v);
    const [low, high] = interval95({ method: 't', mean: 'm' }, (n) => (n === 'm' ? mean : undefined))!;
    expect(low).toBeCloseTo(4.63434, 4);
    expect(high).toBeCloseTo(6.56566, 4);
    const single = createAccumulator('avg', true);
    single.add(5);
    expect(interval95({ method: 't', mean: 'm' }, () => single)).toBeNull();
  });

  it('no interval definition → null', () => {
    expect(interval95(undefined, counts({}))).toBeNull();
  });
});

describe('metricStatus', () => {
  const metric = (direction: 'higher' | 'lower', minSample?: number): MetricDef => ({ direction, minSample, targets: [] }) as unknown as MetricDef;
  const target: TargetDef = { value: 40, warningBand: 5 };

  it.each([
    ['higher', 45, 'on_track'],
    ['higher', 40, 'on_track'],
    ['higher', 36, 'at_risk'],
    ['higher', 35, 'at_risk'],
    ['higher', 34.9, 'off_track'],
    ['lower', 35, 'on_track'],
    ['lower', 44, 'at_risk'],
    ['lower', 46, 'off_track'],
  ] as const)('direction %s, value %d against target 40 ± 5 → %s', (direction, value, status) => {
    expect(metricStatus(metric(direction), value, 100, 100, target)).toBe(status);
  });

  it('no_data for a null value or no row used; insufficient_sample below min_sample whatever the value; no_target without one', () => {
    expect(metricStatus(metric('higher', 30), null, 100, 100, target)).toBe('no_data');
    expect(metricStatus(metric('higher', 30), 50, 0, 0, target)).toBe('no_data');
    expect(metricStatus(metric('higher', 30), 99, 29, 29, target)).toBe('insufficient_sample');
    expect(metricStatus(metric('higher', 30), 99, 30, 30, target)).toBe('on_track');
    expect(metricStatus(metric('higher', 30), 99, 30, 30, undefined)).toBe('no_target');
    expect(metricStatus(metric('higher'), 10, 40, 40, { value: 40 })).toBe('off_track');
  });
});

describe('applicableTarget', () => {
  const periodOf = (label: string): Period | undefined => {
    const p = parsePeriod(label, { fiscalYearStartMonth: 1 });
    return 'error' in p ? undefined : p;
  };
  const q3 = periodOf('2025-Q3')!;
  const targets: TargetDef[] = [
    { value: 30, from: '2025-01', to: '2025-06' },
    { value: 40, from: '2025-07' },
    { value: 50, from: '2025-07', segment: { region: 'NA' } },
  ];
  const metric = { targets } as unknown as MetricDef;

  it('takes the target whose range covers the period, and a segment target over the whole-metric one', () => {
    expect(applicableTarget(metric, q3, {}, periodOf)?.value).toBe(40);
    expect(applicableTarget(metric, q3, { region: 'NA' }, periodOf)?.value).toBe(50);
    expect(applicableTarget(metric, periodOf('2025-Q1')!, {}, periodOf)?.value).toBe(30);
  });

  it('gives a segment without its own target no target (not the whole-metric one)', () => {
    expect(applicableTarget(metric, q3, { region: 'EMEA' }, periodOf)).toBeUndefined();
  });
});
