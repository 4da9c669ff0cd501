import type { ComputeFormatter } from './formatter.js';

/**
 * A cell as CSV: quoted when needed, and text that a spreadsheet would run as a
 * formula (starting with = + - @ tab or CR) is prefixed with an apostrophe.
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  let text = value;
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Long format: one row per metric and per segment, unrounded values. */
export const formatCsv: ComputeFormatter = (report) => {
  const dims = [...report.dimensions];
  // level tells the whole metric's row from a segment's (a segment value may be blank).
  const header = ['metric', 'name', 'version', 'fingerprint', 'period', 'period_start', 'period_end', 'level', ...dims, 'value', 'unit', 'n', 'ci95_low', 'ci95_high', 'target', 'status', 'reason'];
  const lines = [header.map(csvCell).join(',')];
  for (const m of report.metrics) {
    const rows = [m, ...m.segments];
    for (const row of rows) {
      lines.push(
        [
          m.id, m.name, m.version, m.fingerprint, report.period.label, report.period.start, report.period.end,
          row === m ? 'metric' : 'segment',
          ...dims.map((d) => (row === m ? null : row.dimensions[d] ?? null)),
          row.value, m.unit, row.n, row.ci95?.[0] ?? null, row.ci95?.[1] ?? null, row.target, row.status, row.reason,
        ].map((v) => csvCell(v as string | number | null)).join(','),
      );
    }
  }
  return `${lines.join('\r\n')}\r\n`;
};
