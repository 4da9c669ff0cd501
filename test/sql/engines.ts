import { expect } from 'vitest';
import type { MetricResult } from '../../src/core/compute/result-types.js';
import { analyzeLibrary } from '../../src/core/library/analyze-metric.js';
import type { Library } from '../../src/core/library/types.js';
import { parsePeriod, type Period } from '../../src/core/periods/index.js';
import { annotateLibrary } from '../../src/io/annotations/load-annotations.js';
import { runCompute } from '../../src/io/compute/run-compute.js';
import { loadLibrary } from '../../src/io/library/load-library.js';
import type { ReportMetric } from '../../src/report/compute/report.js';

export const ROOT = new URL('../..', import.meta.url).pathname;
export const STANDARD = `${ROOT}metrics`;
export const EXAMPLES = `${ROOT}examples/data`;

export function standardLibrary(dir = STANDARD): Library {
  return annotateLibrary(loadLibrary(dir).library).library;
}

export function periodOf(label: string): Period {
  const p = parsePeriod(label, { fiscalYearStartMonth: 1 });
  if ('error' in p) throw new Error(p.error);
  return p;
}

export function parametersOf(library: Library): Map<string, number> {
  return new Map([...library.parameters].map(([k, p]) => [k, p.value]));
}

export function analysisOf(library: Library) {
  return analyzeLibrary(library);
}

/** The built-in engine's report metrics (what `rmos compute --format json` writes). */
export async function builtIn(options: { library?: string; data: string; period: string; by?: string[]; metrics?: string[] }): Promise<readonly ReportMetric[]> {
  const outcome = await runCompute({
    library: options.library ?? STANDARD,
    data: options.data,
    sources: new Map(),
    period: options.period,
    by: options.by ?? [],
    metrics: options.metrics,
    params: new Map(),
    onReject: () => undefined,
  });
  return outcome.report.metrics;
}

function close(actual: number | null | undefined, expected: number | null | undefined, where: string): void {
  if (expected === null || expected === undefined) {
    expect(actual ?? null, where).toBeNull();
    return;
  }
  expect(actual, where).not.toBeNull();
  const scale = Math.max(Math.abs(expected), 1e-300);
  expect(Math.abs(actual! - expected) / scale, `${where}: ${actual} vs ${expected}`).toBeLessThanOrEqual(1e-9);
}

/** Same values, samples, measures, intervals, statuses, accounting and segments, to 1e-9 relative. */
export function expectSameMetrics(actual: readonly MetricResult[], expected: readonly MetricResult[]): void {
  expect(actual.map((m) => m.id)).toEqual(expected.map((m) => m.id));
  actual.forEach((a, i) => {
    const e = expected[i]!;
    close(a.value, e.value, `${e.id} value`);
    expect(a.n, `${e.id} n`).toBe(e.n);
    expect(a.reason, `${e.id} reason`).toBe(e.reason);
    expect(a.status, `${e.id} status`).toBe(e.status);
    for (const [name, v] of Object.entries(e.measures)) close(a.measures[name], v, `${e.id} measure ${name}`);
    if (e.ci95) {
      close(a.ci95?.[0], e.ci95[0], `${e.id} ci low`);
      close(a.ci95?.[1], e.ci95[1], `${e.id} ci high`);
    } else expect(a.ci95).toBeNull();
    expect(a.accounting, `${e.id} accounting`).toEqual(e.accounting);
    expect(a.segments.map((s) => s.dimensions), `${e.id} segments`).toEqual(e.segments.map((s) => s.dimensions));
    a.segments.forEach((s, k) => {
      const es = e.segments[k]!;
      const where = `${e.id} ${JSON.stringify(es.dimensions)}`;
      close(s.value, es.value, `${where} value`);
      expect(s.n, `${where} n`).toBe(es.n);
      expect(s.reason, `${where} reason`).toBe(es.reason);
      expect(s.status, `${where} status`).toBe(es.status);
      for (const [name, v] of Object.entries(es.measures)) close(s.measures[name], v, `${where} measure ${name}`);
    });
  });
}
