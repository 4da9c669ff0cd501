import { describe, expect, it } from 'vitest';
import {
  Z95,
  logBeta,
  normalCdf,
  normalQuantile,
  regularizedIncompleteBeta,
  studentTCdf,
  studentTQuantile,
} from '../../../src/core/stats/index.js';

// Reference values computed independently with mpmath (40 digits) and scipy.stats 1.17.

describe('normalCdf', () => {
  it('gives Φ(1.96) = 0.9750021', () => {
    expect(normalCdf(1.96)).toBeCloseTo(0.9750021, 7);
  });

  it.each([
    [0, 0.5],
    [1.96, 0.9750021048517795],
    [-1.96, 0.024997895148220435],
    [3, 0.9986501019683699],
    [-0.5, 0.3085375387259869],
    [0.3, 0.6179114221889526],
  ])('Φ(%d) = %d to 1e-15', (z, expected) => {
    expect(Math.abs(normalCdf(z) - expected)).toBeLessThan(1e-15);
  });

  it('keeps relative accuracy in the far lower tail', () => {
    expect(normalCdf(-5) / 2.866515718791933e-7 - 1).toBeLessThan(1e-13);
    expect(Math.abs(normalCdf(-10) / 7.61985302416047e-24 - 1)).toBeLessThan(1e-13);
    expect(normalCdf(-40)).toBe(0);
    expect(normalCdf(40)).toBe(1);
    expect(normalCdf(Number.NaN)).toBeNaN();
  });

  it('is symmetric', () => {
    for (const z of [0.1, 0.7, 1.5, 2.5, 4, 6.5]) expect(normalCdf(z) + normalCdf(-z)).toBeCloseTo(1, 15);
  });
});

describe('normalQuantile', () => {
  it('inverts Φ', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(Z95, 14);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232306167813, 13);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 12);
    expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(normalQuantile(1)).toBe(Number.POSITIVE_INFINITY);
    expect(normalQuantile(1.5)).toBeNaN();
  });
});

describe('studentTQuantile', () => {
  it('gives t(0.975, df 9) = 2.262157', () => {
    expect(studentTQuantile(0.975, 9)).toBeCloseTo(2.262157, 6);
    expect(Math.abs(studentTQuantile(0.975, 9) - 2.262157162798205)).toBeLessThan(1e-9);
  });

  it.each([
    [0.975, 1, 12.706204736174694],
    [0.95, 1, 6.313751514675037],
    [0.975, 2, 4.302652729749462],
    [0.995, 4, 4.604094871349992],
    [0.975, 30, 2.0422724563012378],
    [0.975, 100, 1.9839715185235518],
    [0.025, 9, -2.262157162798205],
    [0.999, 5, 5.893429531356009],
    [0.975, 19.98, 2.0860973146592108],
    [0.975, 1e6, 1.959966356814107],
  ])('t(%d, df %d) = %d to 1e-9', (p, df, expected) => {
    expect(Math.abs(studentTQuantile(p, df) - expected)).toBeLessThan(1e-9);
  });

  it('handles the edges', () => {
    expect(studentTQuantile(0.5, 7)).toBe(0);
    expect(studentTQuantile(1, 7)).toBe(Number.POSITIVE_INFINITY);
    expect(studentTQuantile(0, 7)).toBe(Number.NEGATIVE_INFINITY);
    expect(studentTQuantile(0.975, Number.POSITIVE_INFINITY)).toBeCloseTo(Z95, 14);
    expect(studentTQuantile(0.975, 0)).toBeNaN();
  });

  it('inverts studentTCdf', () => {
    for (const df of [1, 1.5, 3, 7.3, 25, 400, 5e4]) {
      for (const p of [1e-8, 0.01, 0.2, 0.6, 0.95, 0.9999]) {
        expect(studentTCdf(studentTQuantile(p, df), df)).toBeCloseTo(p, 12);
      }
    }
  });
});

describe('studentTCdf', () => {
  it.each([
    [2, 3, 0.9303370157205785],
    [-1.5, 2.5, 0.12391822654314809],
    [2.262157162798205, 9, 0.975],
    [1, 1, 0.75],
    [0, 4, 0.5],
  ])('P(T ≤ %d | df %d) = %d', (t, df, expected) => {
    expect(Math.abs(studentTCdf(t, df) - expected)).toBeLessThan(1e-12);
  });

  it('is precise in the lower tail', () => {
    // P(T ≤ −50 | df 3) = 8.81e-6 (scipy)
    expect(Math.abs(studentTCdf(-50, 3) / 8.808576020635984e-6 - 1)).toBeLessThan(1e-10);
  });
});

describe('incomplete beta', () => {
  it('matches known values', () => {
    expect(regularizedIncompleteBeta(0.5, 0.5, 2, 3)).toBeCloseTo(0.6875, 14); // I_½(2,3) = 11/16
    expect(regularizedIncompleteBeta(0.2, 0.8, 1, 1)).toBeCloseTo(0.2, 14);
    expect(regularizedIncompleteBeta(0, 1, 2, 3)).toBe(0);
    expect(regularizedIncompleteBeta(1, 0, 2, 3)).toBe(1);
  });

  it('keeps log-beta precise for large arguments', () => {
    expect(logBeta(0.5, 0.5)).toBeCloseTo(Math.log(Math.PI), 14);
    expect(Math.abs(logBeta(5e5, 0.5) - -5.988816495777464)).toBeLessThan(1e-12);
    expect(Math.abs(logBeta(20, 30) - -33.968820791977386)).toBeLessThan(1e-11);
  });
});
