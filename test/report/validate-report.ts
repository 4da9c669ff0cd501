import Ajv2020 from 'ajv/dist/2020.js';
import type { Accounting } from '../../src/core/compute/accounting.js';
import { expect } from 'vitest';
import reportSchema from '../../schemas/report.schema.json';
import type { ComputeReport } from '../../src/report/compute/report.js';

const ajv = new Ajv2020({ allErrors: true, strict: true });
const validate = ajv.compile(reportSchema);

/** The schema's errors for a document, as `path message` lines (empty when valid). */
export function schemaErrors(document: unknown): string[] {
  if (validate(document)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`.trim());
}

type AccountingLike = Accounting;

/** Paths of numbers that JSON cannot hold (JSON.stringify would silently write them as null). */
function nonFiniteNumbers(value: unknown, path = ''): string[] {
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [`${path || '/'} is ${value}`];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => nonFiniteNumbers(v, `${path}/${k}`));
}

/** Every metric and source whose row accounting does not add up to the rows read. */
export function accountingErrors(report: ComputeReport): string[] {
  const errors: string[] = [];
  for (const metric of report.metrics) {
    for (const [source, a] of Object.entries(metric.accounting as Record<string, AccountingLike>)) {
      const excluded = Object.values(a.excluded).reduce((s, n) => s + n, 0);
      const total = a.out_of_period + a.duplicate + excluded + a.missing + a.invalid + a.used;
      if (total !== a.read) errors.push(`${metric.id} · ${source}: ${total} rows accounted for, ${a.read} read`);
    }
  }
  return errors;
}

/**
 * Checks any JSON report a test produced: valid against schemas/report.schema.json,
 * and for each metric and source the accounting adds up to the rows read. Takes the
 * report as text (what --format json printed) or as a value; returns it parsed.
 */
export function validateReport(report: string | ComputeReport | unknown): ComputeReport {
  if (typeof report !== 'string') expect(nonFiniteNumbers(report), 'Infinity or NaN in the report').toEqual([]);
  const parsed: unknown = typeof report === 'string' ? JSON.parse(report) : JSON.parse(JSON.stringify(report));
  expect(schemaErrors(parsed), 'report.schema.json').toEqual([]);
  expect(accountingErrors(parsed as ComputeReport), 'accounting invariant').toEqual([]);
  return parsed as ComputeReport;
}
