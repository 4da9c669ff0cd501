import type { Period } from '../periods/index.js';
import type { MetricDef, TargetDef } from '../library/types.js';
import type { MetricStatus } from './result-types.js';

/** The target that applies to a period and segment: the most specific one whose range covers the period. */
export function applicableTarget(
  metric: MetricDef,
  period: Period,
  segment: Readonly<Record<string, string | null>>,
  periodOf: (label: string) => Period | undefined,
): TargetDef | undefined {
  const candidates = metric.targets.filter((t) => {
    const from = t.from ? periodOf(t.from) : undefined;
    const to = t.to ? periodOf(t.to) : undefined;
    if (from && period.start < from.start) return false;
    if (to && period.end > to.end) return false;
    const wanted = Object.entries(t.segment ?? {});
    if (wanted.length !== Object.keys(segment).length && wanted.length > 0) return false;
    return wanted.every(([dim, value]) => segment[dim] === value);
  });
  // Segment-specific targets win over whole-metric ones.
  candidates.sort((a, b) => Object.keys(b.segment ?? {}).length - Object.keys(a.segment ?? {}).length);
  const best = candidates[0];
  if (best && Object.keys(best.segment ?? {}).length === 0 && Object.keys(segment).length > 0) return undefined;
  return best;
}

/** Direction-aware status: on the right side of the target, within the warning band, or beyond it. */
export function metricStatus(
  metric: MetricDef,
  value: number | null,
  n: number | null,
  rowsUsed: number,
  target: TargetDef | undefined,
): MetricStatus {
  if (value === null || rowsUsed === 0) return 'no_data';
  if (metric.minSample !== undefined && n !== null && n < metric.minSample) return 'insufficient_sample';
  if (!target) return 'no_target';
  const shortfall = metric.direction === 'higher' ? target.value - value : value - target.value;
  if (shortfall <= 0) return 'on_track';
  return target.warningBand !== undefined && shortfall <= target.warningBand ? 'at_risk' : 'off_track';
}
