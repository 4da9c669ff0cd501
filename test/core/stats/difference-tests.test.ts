import { describe, expect, it } from 'vitest';
import { npsDifferenceTest, twoProportionTest, welchTTest } from '../../../src/core/stats/index.js';

describe('twoProportionTest (pooled)', () => {
  it('compares 45/100 with 30/100', () => {
    // By hand: pooled p = 75/200 = 0.375; SE = √(0.375·0.625·(1/100 + 1/100)) = √0.0046875 = 0.068465;
    // z = 0.15/0.068465 = 2.19089; p = 2·(1 − Φ(2.19089)) = 0.02846
    // (scipy: 2*norm.sf(2.1908902300206647) = 0.02845973691631055).
    const result = twoProportionTest({ successes: 45, n: 100 }, { successes: 30, n: 100 })!;
    expect(result.difference).toBeCloseTo(0.15, 14);
    expect(result.z).toBeCloseTo(2.1908902300206647, 12);
    expect(result.p).toBeCloseTo(0.02845973691631055, 12);
  });

  it('compares 18/20 with 12/25 and reports the sign of a − b', () => {
    // pooled p = 30/45 = 2/3; SE = √(2/9·(1/20 + 1/25)) = √0.02 = 0.141421; z = 0.42/0.141421 = 2.96985;
    // p = 0.0029795 (scipy: 0.0029794666563329798).
    const result = twoProportionTest({ successes: 12, n: 25 }, { successes: 18, n: 20 })!;
    expect(result.difference).toBeCloseTo(-0.42, 14);
    expect(result.z).toBeCloseTo(-2.9698484809835, 12);
    expect(result.p).toBeCloseTo(0.0029794666563329798, 13);
  });

  it('is null without data or variance', () => {
    expect(twoProportionTest({ successes: 0, n: 0 }, { successes: 1, n: 2 })).toBeNull();
    expect(twoProportionTest({ successes: 5, n: 5 }, { successes: 8, n: 8 })).toBeNull();
    expect(twoProportionTest({ successes: 5, n: 5 }, { successes: 5, n: 5 })).toBeNull();
  });
});

describe('welchTTest', () => {
  it('compares mean 20 (sd 4, n 10) with mean 17 (sd 5, n 12)', () => {
    // By hand: SE² = 16/10 + 25/12 = 3.68333; t = 3/√3.68333 = 1.56315;
    // df = 3.68333² / ((1.6²)/9 + (2.08333²)/11) = 13.5669/0.679015 = 19.9803;
    // two-sided p from t(19.98) = 0.13372 (scipy ttest_ind_from_stats(equal_var=False): 0.13371794821582936).
    const result = welchTTest({ mean: 20, sd: 4, n: 10 }, { mean: 17, sd: 5, n: 12 })!;
    expect(result.difference).toBe(3);
    expect(result.t).toBeCloseTo(1.5631503171567185, 12);
    expect(result.df).toBeCloseTo(19.98032652757633, 10);
    expect(result.p).toBeCloseTo(0.13371794821582936, 10);
  });

  it('compares CES 5.6 (sd 1.3499, n 10) with 4.2 (sd 1.1, n 8)', () => {
    // scipy: t = 2.4243632760461242, p = 0.027562565485758105
    const result = welchTTest({ mean: 5.6, sd: 1.3499, n: 10 }, { mean: 4.2, sd: 1.1, n: 8 })!;
    expect(result.t).toBeCloseTo(2.4243632760461242, 12);
    expect(result.p).toBeCloseTo(0.027562565485758105, 10);
  });

  it('is symmetric in its arguments apart from the sign', () => {
    const ab = welchTTest({ mean: 20, sd: 4, n: 10 }, { mean: 17, sd: 5, n: 12 })!;
    const ba = welchTTest({ mean: 17, sd: 5, n: 12 }, { mean: 20, sd: 4, n: 10 })!;
    expect(ba.difference).toBe(-3);
    expect(ba.t).toBeCloseTo(-ab.t, 14);
    expect(ba.p).toBeCloseTo(ab.p, 14);
  });

  it('is null with fewer than two values or no spread', () => {
    expect(welchTTest({ mean: 1, sd: 0, n: 1 }, { mean: 2, sd: 1, n: 5 })).toBeNull();
    expect(welchTTest({ mean: 1, sd: 0, n: 5 }, { mean: 2, sd: 0, n: 5 })).toBeNull();
  });
});

describe('npsDifferenceTest', () => {
  it('tests NPS 20 (60 P, 20 D of 200) against NPS 10 (45 P, 30 D of 150)', () => {
    // By hand: SE_a = 100·√((0.3 + 0.1 − 0.04)/200) = 4.24264; SE_b = 100·√((0.3 + 0.2 − 0.01)/150) = 5.71548;
    // SE = √(4.24264² + 5.71548²) = 7.11805; z = 10/7.11805 = 1.40488; p = 2·(1 − Φ(1.40488)) = 0.16006.
    const result = npsDifferenceTest({ promoters: 60, detractors: 20, n: 200 }, { promoters: 45, detractors: 30, n: 150 })!;
    expect(result.difference).toBeCloseTo(10, 12);
    expect(result.se).toBeCloseTo(7.118052168020874, 12);
    expect(result.z).toBeCloseTo(1.404878717372541, 12);
    expect(result.p).toBeCloseTo(0.16005734623194479, 12);
  });

  it('reports a − b', () => {
    const result = npsDifferenceTest({ promoters: 45, detractors: 30, n: 150 }, { promoters: 60, detractors: 20, n: 200 })!;
    expect(result.difference).toBeCloseTo(-10, 12);
    expect(result.z).toBeCloseTo(-1.404878717372541, 12);
  });

  it('is null without data or variance', () => {
    expect(npsDifferenceTest({ promoters: 0, detractors: 0, n: 0 }, { promoters: 1, detractors: 0, n: 2 })).toBeNull();
    expect(npsDifferenceTest({ promoters: 5, detractors: 0, n: 5 }, { promoters: 0, detractors: 4, n: 4 })).toBeNull();
  });
});
