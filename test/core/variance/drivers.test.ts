import { describe, expect, it } from 'vitest';
import type { SegmentResult } from '../../../src/core/compute/result-types.js';
import { compareValues } from '../../../src/core/variance/compare-values.js';
import { decomposeChange } from '../../../src/core/variance/drivers.js';

function segment(region: string | null, responses: number, value: number | null): SegmentResult {
  return { dimensions: { region }, value, reason: null, n: responses, measures: { responses }, ci95: null, target: null, status: 'no_target', spread: null };
}

/** The metric's value as the weighted average of its segments, as rmos defines NPS, CSAT and CES. */
function total(segments: SegmentResult[]): number {
  const n = segments.reduce((s, x) => s + (x.measures.responses ?? 0), 0);
  return segments.reduce((s, x) => s + ((x.measures.responses ?? 0) / n) * (x.value ?? 0), 0);
}

describe('decomposeChange (midpoint mix and rate)', () => {
  const before = [segment('EMEA', 100, 40), segment('NA', 300, 50), segment(null, 100, 10)];
  const after = [segment('EMEA', 200, 44), segment('NA', 200, 46), segment(null, 100, 20)];

  it('gives parts that add up exactly to the change', () => {
    const drivers = decomposeChange('region', 'responses', before, after);
    expect(drivers.total).toBeCloseTo(total(after) - total(before), 12);
    for (const part of drivers.parts) expect(part.mix + part.rate).toBeCloseTo(part.total, 12);
  });

  it('computes mix and rate per segment by the midpoint formulas', () => {
    const emea = decomposeChange('region', 'responses', before, after).parts.find((p) => p.segment === 'EMEA')!;
    // w0 = 0.2, w1 = 0.4, r0 = 40, r1 = 44: mix = 0.2 * 42 = 8.4, rate = 4 * 0.3 = 1.2
    expect(emea.mix).toBeCloseTo(8.4, 12);
    expect(emea.rate).toBeCloseTo(1.2, 12);
  });

  it('treats a segment that appears as pure mix', () => {
    const drivers = decomposeChange('region', 'responses', [segment('EMEA', 100, 40)], [segment('EMEA', 100, 40), segment('APAC', 100, 20)]);
    const apac = drivers.parts.find((p) => p.segment === 'APAC')!;
    expect(apac.rate).toBe(0);
    expect(apac.mix).toBeCloseTo(0.5 * 20, 12);
    expect(drivers.total).toBeCloseTo(30 - 40, 12);
  });

  it('orders segments by value with the missing segment last', () => {
    expect(decomposeChange('region', 'responses', before, after).parts.map((p) => p.segment)).toEqual(['EMEA', 'NA', null]);
  });
});

describe('compareValues', () => {
  it('is favourable by direction and checks absolute and relative tolerance', () => {
    expect(compareValues(42, 40, 'higher', { absolute: 1 })).toEqual({ variance: 2, variance_pct: 0.05, favourable: true, beyond_tolerance: true });
    expect(compareValues(42, 40, 'lower', { relative: 0.1 })).toEqual({ variance: 2, variance_pct: 0.05, favourable: false, beyond_tolerance: false });
    expect(compareValues(40, 40, 'higher', undefined).favourable).toBe(null);
  });

  it('has no relative variance against zero and no variance without both values', () => {
    expect(compareValues(5, 0, 'higher', undefined).variance_pct).toBe(null);
    expect(compareValues(null, 3, 'higher', { absolute: 1 })).toEqual({ variance: null, variance_pct: null, favourable: null, beyond_tolerance: null });
  });
});
