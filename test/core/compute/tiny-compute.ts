import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCompute, type ComputeOutcome } from '../../../src/io/compute/run-compute.js';
import type { Reject } from '../../../src/io/data/read-source.js';
import type { ComputeReport } from '../../../src/report/compute/report.js';
import { validateReport } from '../../report/validate-report.js';

export const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
export const STANDARD = join(ROOT, 'metrics');

const created: string[] = [];
/** Removes the folders writeTemp made: each test file calls `afterAll(removeTemp)`. */
export function removeTemp(): void {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Writes files (relative path → content) into a new temporary folder, removed by removeTemp. */
export function writeTemp(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), 'rmos-compute-'));
  created.push(dir);
  for (const [name, content] of Object.entries(files)) {
    const path = join(dir, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }
  return dir;
}

/** CSV text from a header and rows, LF line endings. */
export function csv(header: string, rows: readonly string[]): string {
  return `${[header, ...rows].join('\n')}\n`;
}

export interface TinyRun {
  readonly report: ComputeReport;
  readonly rejects: Reject[];
  readonly outcome: ComputeOutcome;
}

/**
 * Computes in-process with runCompute (the standard library unless told otherwise)
 * and passes the report through the schema and accounting checks.
 */
export async function computeTiny(options: {
  sources?: Record<string, string>;
  data?: string;
  period?: string;
  from?: string;
  to?: string;
  metrics?: string[];
  by?: string[];
  params?: Record<string, number>;
  library?: string;
}): Promise<TinyRun> {
  const rejects: Reject[] = [];
  const outcome = await runCompute({
    library: options.library ?? STANDARD,
    data: options.data,
    sources: new Map(Object.entries(options.sources ?? {})),
    period: options.period,
    from: options.from,
    to: options.to,
    by: options.by ?? [],
    metrics: options.metrics,
    params: new Map(Object.entries(options.params ?? {})),
    onReject: (r) => rejects.push(r),
  });
  validateReport(outcome.report);
  return { report: outcome.report, rejects, outcome };
}

export function metricOf(report: ComputeReport, id: string): ComputeReport['metrics'][number] {
  const metric = report.metrics.find((m) => m.id === id);
  if (!metric) throw new Error(`no metric ${id} in the report`);
  return metric;
}
