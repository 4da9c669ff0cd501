import { readFileSync } from 'node:fs';
import { didYouMean } from '../../core/did-you-mean.js';
import type { Library } from '../../core/library/types.js';
import { parsePeriod } from '../../core/periods/index.js';
import { isInvalid, makeValueParser } from '../../core/values/index.js';
import { InputError } from '../../errors.js';
import { CsvError, scanCsvBuffer } from '../csv/index.js';
import { normalizeHeader } from '../data/match-header.js';

const READ_FAILURES: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EISDIR: 'it is a folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOTDIR: 'a part of the path is a file, not a folder',
  ELOOP: 'the symbolic link points back to itself (a link loop)',
};

function readFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  return (code !== undefined ? READ_FAILURES[code] : undefined) ?? `${code ?? (error as Error).message}`;
}

/** One figure Finance keeps: a budget or a reported value for a metric, period and segment. */
export interface ComparatorRow {
  readonly metric: string;
  readonly period: string;
  readonly segment: Readonly<Record<string, string>>;
  readonly value: number;
  readonly line: number;
}

/**
 * Reads a budget or reported-figures CSV: columns metric, period, value, and any
 * other column is a segment dimension (blank = the whole metric). Every row must
 * name a known metric, a period that parses and a number; no row may repeat.
 */
export function readComparatorFile(path: string, library: Library, flag: string): ComparatorRow[] {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new InputError(`${flag} ${path}: cannot read the file: ${readFailure(error)}`);
  }
  const rows: ComparatorRow[] = [];
  const seen = new Map<string, number>();
  let columns: { metric: number; period: number; value: number; dims: [string, number][] } | undefined;
  let parseNumber: (raw: string) => ReturnType<ReturnType<typeof makeValueParser>> = () => null;
  const fail = (line: number, column: number, message: string): never => {
    throw new InputError(`${path}:${line}:${column}: ${message}`);
  };
  try {
    scanCsvBuffer(
      bytes,
      { delimiter: 'auto', displayPath: path },
      (header) => {
        const names = header.names.map(normalizeHeader);
        const find = (name: string) => names.indexOf(name);
        const [metric, period, value] = [find('metric'), find('period'), find('value')];
        if (metric < 0 || period < 0 || value < 0) {
          fail(1, 1, `the file needs the columns metric, period and value; found ${header.names.map((h) => JSON.stringify(h)).join(', ')}`);
        }
        const dims = header.names.map((h, i): [string, number] => [h.trim(), i]).filter(([, i]) => i !== metric && i !== period && i !== value);
        columns = { metric, period, value, dims };
        parseNumber = makeValueParser({ type: 'currency', decimal: header.delimiter === ';' ? ',' : '.', timezone: 'UTC' });
      },
      (record) => {
        const c = columns!;
        const metricId = record.text(c.metric).trim();
        const metric = library.metrics.get(metricId);
        if (!metric) fail(record.line, record.column(c.metric), `there is no metric '${metricId}'${didYouMean(metricId, library.metrics.keys())}`);
        const periodText = record.text(c.period).trim();
        const period = parsePeriod(periodText, { fiscalYearStartMonth: library.manifest.fiscalYearStartMonth });
        if ('error' in period) fail(record.line, record.column(c.period), `'${periodText}' is not a period: ${period.error}`);
        const raw = record.text(c.value);
        const parsed = parseNumber(raw);
        if (parsed === null || isInvalid(parsed)) fail(record.line, record.column(c.value), `the value ${JSON.stringify(raw)} is not a number`);
        const segment: Record<string, string> = {};
        for (const [dim, i] of c.dims) {
          const v = record.text(i).trim();
          if (v === '') continue;
          if (!metric!.dimensions.includes(dim)) fail(record.line, record.column(i), `${metricId} cannot be segmented by '${dim}'; allowed: ${metric!.dimensions.join(', ') || 'none'}`);
          segment[dim] = v;
        }
        const key = JSON.stringify([metricId, (period as { label: string }).label, Object.entries(segment).sort()]);
        const earlier = seen.get(key);
        if (earlier !== undefined) fail(record.line, 1, `this row repeats the figure of line ${earlier} (same metric, period and segment); keep one`);
        seen.set(key, record.line);
        rows.push({ metric: metricId, period: (period as { label: string }).label, segment, value: parsed as number, line: record.line });
      },
    );
  } catch (error) {
    if (error instanceof CsvError) throw new InputError(error.message);
    throw error;
  }
  return rows;
}
