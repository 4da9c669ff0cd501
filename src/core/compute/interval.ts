import type { IntervalDef } from '../library/types.js';
import { tInterval, wilsonInterval, Z95 } from '../stats/index.js';
import { Average, type Accumulator } from './accumulators.js';

/** The 95% interval of a metric's value from its measures, per the metric's interval definition. */
export function interval95(def: IntervalDef | undefined, measure: (name: string) => Accumulator | undefined): [number, number] | null {
  if (!def) return null;
  const count = (name: string): number => (measure(name)?.value() as number | null) ?? 0;
  switch (def.method) {
    case 'trinomial': {
      const n = count(def.total);
      if (n === 0) return null;
      const promoters = count(def.promoters) / n;
      const detractors = count(def.detractors) / n;
      const centre = promoters - detractors;
      const se = Math.sqrt(Math.max(0, promoters + detractors - centre * centre) / n);
      const low = Math.max(-1, centre - Z95 * se);
      const high = Math.min(1, centre + Z95 * se);
      return [low * def.scale, high * def.scale];
    }
    case 'wilson': {
      const interval = wilsonInterval(count(def.successes), count(def.total));
      return interval ? [interval[0] * def.scale, interval[1] * def.scale] : null;
    }
    case 't': {
      const acc = measure(def.mean);
      if (!(acc instanceof Average)) return null;
      const { n, sd } = acc.moments;
      const interval = tInterval(acc.value() ?? 0, sd, n);
      return interval ? [interval[0], interval[1]] : null;
    }
  }
}

/** n, mean and sd of the averaged column behind a t interval, for tests of a change. */
export function spreadOf(def: IntervalDef | undefined, measure: (name: string) => Accumulator | undefined): { n: number; mean: number; sd: number } | null {
  if (def?.method !== 't') return null;
  const acc = measure(def.mean);
  if (!(acc instanceof Average) || acc.moments.n === 0) return null;
  return { n: acc.moments.n, mean: acc.value()!, sd: acc.moments.n > 1 ? acc.moments.sd : 0 };
}
