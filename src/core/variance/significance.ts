import type { SegmentResult } from '../compute/result-types.js';
import type { IntervalDef } from '../library/types.js';
import { npsDifferenceTest, twoProportionTest, welchTTest } from '../stats/index.js';
import type { Significance } from './variance-types.js';

const ALPHA = 0.05;

/**
 * Whether a change between two periods is more than sampling noise, by the test
 * that fits the metric's interval: trinomial → NPS difference z-test, wilson →
 * two-proportion z-test, t → Welch's t-test. Null for metrics without a sample.
 */
export function significanceOfChange(interval: IntervalDef | undefined, after: SegmentResult, before: SegmentResult): Significance | null {
  if (!interval) return null;
  const count = (r: SegmentResult, name: string): number => r.measures[name] ?? 0;
  switch (interval.method) {
    case 'trinomial': {
      const a = { promoters: count(after, interval.promoters), detractors: count(after, interval.detractors), n: count(after, interval.total) };
      const b = { promoters: count(before, interval.promoters), detractors: count(before, interval.detractors), n: count(before, interval.total) };
      const test = a.n > 0 && b.n > 0 ? npsDifferenceTest(a, b) : null;
      return test ? { test: 'nps_z', statistic: test.z, p: test.p, significant: test.p < ALPHA } : null;
    }
    case 'wilson': {
      const a = { successes: count(after, interval.successes), n: count(after, interval.total) };
      const b = { successes: count(before, interval.successes), n: count(before, interval.total) };
      const test = a.n > 0 && b.n > 0 ? twoProportionTest(a, b) : null;
      return test ? { test: 'two_proportion_z', statistic: test.z, p: test.p, significant: test.p < ALPHA } : null;
    }
    case 't': {
      const a = after.spread;
      const b = before.spread;
      if (!a || !b || a.n < 2 || b.n < 2) return null;
      const test = welchTTest(a, b);
      return test ? { test: 'welch_t', statistic: test.t, p: test.p, significant: test.p < ALPHA } : null;
    }
  }
}
