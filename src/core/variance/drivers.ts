import type { SegmentResult } from '../compute/result-types.js';
import type { DriverPart, Drivers } from './variance-types.js';

function key(segment: SegmentResult, dimension: string): string | null {
  return segment.dimensions[dimension] ?? null;
}

/**
 * Splits a change of a weighted-average metric into mix and rate effects per segment
 * (the midpoint, or Kitagawa, form): with w the segment's share of the weight
 * measure and r its value, mix_i = Δw_i·(r0_i + r1_i)/2 and rate_i = Δr_i·(w0_i + w1_i)/2.
 * The parts add up exactly to Σw1·r1 − Σw0·r0, the metric's change, because the
 * segments partition the rows. A segment with no weight in a period contributes
 * nothing in that period.
 */
export function decomposeChange(dimension: string, weight: string, before: readonly SegmentResult[], after: readonly SegmentResult[]): Drivers {
  const total = (segments: readonly SegmentResult[]) => segments.reduce((s, seg) => s + (seg.measures[weight] ?? 0), 0);
  const w0Total = total(before);
  const w1Total = total(after);
  const keys = [...new Set([...before, ...after].map((s) => key(s, dimension)))].sort((a, b) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1));
  const parts: DriverPart[] = keys.map((k) => {
    const b = before.find((s) => key(s, dimension) === k);
    const a = after.find((s) => key(s, dimension) === k);
    const w0 = b && w0Total > 0 ? (b.measures[weight] ?? 0) / w0Total : 0;
    const w1 = a && w1Total > 0 ? (a.measures[weight] ?? 0) / w1Total : 0;
    const r0 = w0 > 0 ? (b?.value ?? 0) : 0;
    const r1 = w1 > 0 ? (a?.value ?? 0) : 0;
    // Without a value in one period, take the other's so that the segment's entry or exit is pure mix.
    const r0Mid = w0 > 0 ? r0 : r1;
    const r1Mid = w1 > 0 ? r1 : r0;
    const mix = (w1 - w0) * (r0Mid + r1Mid) / 2;
    const rate = (r1Mid - r0Mid) * (w0 + w1) / 2;
    return { segment: k, weight_before: w0, weight_after: w1, value_before: b?.value ?? null, value_after: a?.value ?? null, mix, rate, total: mix + rate };
  });
  return { dimension, weight, parts, total: parts.reduce((s, p) => s + p.total, 0) };
}
