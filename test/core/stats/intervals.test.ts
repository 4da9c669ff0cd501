import { describe, expect, it } from 'vitest';
import {
  ExactMoments,
  npsInterval,
  npsScore,
  npsStandardError,
  tInterval,
  wilsonInterval,
} from '../../../src/core/stats/index.js';

function round(values: readonly number[], decimals: number): number[] {
  return values.map((v) => Number(v.toFixed(decimals)));
}

function npsCounts(scores: readonly number[]): [number, number, number] {
  return [scores.filter((s) => s >= 9).length, scores.filter((s) => s <= 6).length, scores.length];
}

describe('NPS standard error and interval', () => {
  // Scores [0,7,7,9,9,9]: 3 promoters, 1 detractor, n = 6.
  // NPS = 100·(3 − 1)/6 = 33.33; variance per response = ½ + ⅙ − (⅓)² = 0.5556;
  // SE = 100·√(0.5556 / 6) = 30.43 points.
  const [promoters, detractors, n] = npsCounts([0, 7, 7, 9, 9, 9]);

  it('gives NPS 33.33 with a standard error of 30.4 points', () => {
    expect([promoters, detractors, n]).toEqual([3, 1, 6]);
    expect(npsScore(promoters, detractors, n)!.toFixed(2)).toBe('33.33');
    expect(npsStandardError(promoters, detractors, n)!.toFixed(1)).toBe('30.4');
    expect(npsStandardError(promoters, detractors, n)).toBeCloseTo(30.429030972509224, 10);
  });

  it('gives NPS ± 1.96 SE, clamped to [−100, 100]', () => {
    // 33.333 ± 1.95996·30.429 = 33.333 ± 59.640 → [−26.306, 92.973]
    expect(round(npsInterval(promoters, detractors, n)!, 3)).toEqual([-26.306, 92.973]);
    // 9 of 10 promoters: 90 ± 1.95996·100·√((0.9 − 0.81)/10) = 90 ± 18.594 → upper end clamped to 100
    expect(round(npsInterval(9, 0, 10)!, 5)).toEqual([71.40615, 100]);
    expect(npsInterval(0, 0, 0)).toBeNull();
    expect(npsStandardError(0, 0, 0)).toBeNull();
    expect(npsStandardError(10, 0, 10)).toBe(0);
  });

  it('rejects impossible counts', () => {
    expect(() => npsStandardError(5, 6, 10)).toThrow(RangeError);
    expect(() => npsStandardError(-1, 0, 10)).toThrow(RangeError);
  });
});

describe('wilsonInterval', () => {
  it('gives [0.69897, 0.97213] for 18 of 20', () => {
    expect(round(wilsonInterval(18, 20)!, 5)).toEqual([0.69897, 0.97213]);
  });

  it('stays inside [0, 1] at the extremes', () => {
    // 0 of 10: [0, z²/(n + z²)] = [0, 3.8415/13.8415] = [0, 0.27753]
    expect(round(wilsonInterval(0, 10)!, 5)).toEqual([0, 0.27753]);
    expect(round(wilsonInterval(10, 10)!, 5)).toEqual([0.72247, 1]);
    expect(wilsonInterval(0, 0)).toBeNull();
  });

  it('takes another critical value', () => {
    // z = 1: center = (0.5 + 1/200)/(1 + 1/100) = 0.5, half = (1/1.01)·√(0.0025 + 0.000025) = 0.04975
    expect(round(wilsonInterval(50, 100, 1)!, 5)).toEqual([0.45025, 0.54975]);
  });

  it('rejects impossible counts', () => {
    expect(() => wilsonInterval(21, 20)).toThrow('need 0 <= successes <= n, got 21 of 20');
    expect(() => wilsonInterval(-1, 20)).toThrow(RangeError);
  });
});

describe('tInterval', () => {
  it('gives [4.634, 6.566] for CES scores [7,6,6,5,7,4,6,7,5,3]', () => {
    const acc = new ExactMoments();
    for (const x of [7, 6, 6, 5, 7, 4, 6, 7, 5, 3]) acc.add(x);
    // mean 5.6, Σ(x − mean)² = 16.4, sd = √(16.4/9) = 1.34990, half-width 2.262157·1.34990/√10 = 0.96566
    expect(acc.mean).toBeCloseTo(5.6, 14);
    expect(acc.sd).toBeCloseTo(1.3498971154211057, 14);
    expect(round(tInterval(acc.mean, acc.sd, acc.n)!, 3)).toEqual([4.634, 6.566]);
    expect(round(tInterval(acc.mean, acc.sd, acc.n, 0.99)!, 3)).toEqual([4.213, 6.987]);
  });

  it('is null below two observations and rejects a bad level', () => {
    expect(tInterval(5, 0, 1)).toBeNull();
    expect(tInterval(5, 0, 0)).toBeNull();
    expect(() => tInterval(5, 1, 10, 1)).toThrow('confidence level must be between 0 and 1, got 1');
  });
});

describe('ExactMoments', () => {
  it('is empty at first', () => {
    const acc = new ExactMoments();
    expect(acc.n).toBe(0);
    expect(acc.mean).toBeNaN();
    expect(acc.sd).toBeNaN();
    acc.add(4);
    expect(acc.mean).toBe(4);
    expect(acc.sd).toBeNaN();
  });

  it('stays exact where sums of squares would cancel', () => {
    // 1e9 + {4, 7, 13, 16}: the naive Σx² − n·mean² formula loses every digit here.
    const acc = new ExactMoments();
    for (const x of [4, 7, 13, 16]) acc.add(1e9 + x);
    expect(acc.mean).toBe(1e9 + 10);
    expect(acc.variance).toBe(30);
  });

  it('merges to the same result as one pass, bit for bit', () => {
    const values = [3.5, 9, -2, 14.25, 0, 7, 7, 1e3, -40.5, 11.1];
    const whole = new ExactMoments();
    for (const x of values) whole.add(x);
    const left = new ExactMoments();
    const right = new ExactMoments();
    values.slice(0, 3).forEach((x) => left.add(x));
    values.slice(3).forEach((x) => right.add(x));
    const empty = new ExactMoments();
    left.merge(right);
    left.merge(empty);
    empty.merge(left);
    for (const acc of [left, empty]) {
      expect(acc.n).toBe(10);
      expect(acc.mean).toBe(whole.mean);
      expect(acc.sd).toBe(whole.sd);
    }
    expect(whole.mean).toBe(100.935); // 1009.35 / 10
  });

  it('gives NaN for the variance of non-finite values, and their sum for the mean', () => {
    const acc = new ExactMoments();
    for (const x of [1, 2, Number.POSITIVE_INFINITY]) acc.add(x);
    expect(acc.mean).toBe(Number.POSITIVE_INFINITY);
    expect(acc.sd).toBeNaN();
    acc.add(Number.NEGATIVE_INFINITY);
    expect(acc.mean).toBeNaN();
  });
});
