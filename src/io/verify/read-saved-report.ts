import { readFileSync } from 'node:fs';
import { InputError } from '../../errors.js';
import type { ComputeReport } from '../../report/compute/report.js';

/** Reads a report written by `rmos compute --format json`, refusing anything else clearly. */
export function readSavedReport(path: string): ComputeReport {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new InputError(`${path}: cannot read the report (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let report: unknown;
  try {
    report = JSON.parse(text);
  } catch (error) {
    const match = /position (\d+)/.exec((error as Error).message);
    const offset = match ? Number(match[1]) : 0;
    const before = text.slice(0, offset).split('\n');
    throw new InputError(`${path}:${before.length}:${before[before.length - 1]!.length + 1}: not valid JSON; give a report written by 'rmos compute --format json'`);
  }
  const r = report as Partial<ComputeReport>;
  if (!r || typeof r !== 'object' || typeof r.rmos !== 'string' || !Array.isArray(r.metrics) || !Array.isArray(r.inputs) || !r.period || !r.library) {
    throw new InputError(`${path}: not an rmos report (no rmos, library, period, inputs and metrics); give a report written by 'rmos compute --format json'`);
  }
  return r as ComputeReport;
}
