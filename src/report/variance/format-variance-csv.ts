import { csvCell } from '../compute/format-csv.js';
import type { VarianceFormatter } from './variance-formatter.js';

/** One row per metric, unrounded, spreadsheet-safe. */
export const formatVarianceCsv: VarianceFormatter = (report) => {
  const header = ['metric', 'name', 'version', 'period', 'against', 'actual', 'comparator', 'variance', 'variance_pct', 'favourable', 'beyond_tolerance', 'p_value', 'significant', 'notes'];
  const lines = [header.join(',')];
  for (const m of report.metrics) {
    const flag = (b: boolean | null) => (b === null ? '' : b ? 'true' : 'false');
    lines.push(
      [m.id, m.name, m.version, report.period.label, report.against.label, m.actual, m.comparator, m.variance, m.variance_pct, flag(m.favourable), flag(m.beyond_tolerance), m.significance?.p ?? null, m.significance ? flag(m.significance.significant) : '', m.notes.map((n) => n.text.trim()).join(' | ')]
        .map((v) => csvCell(v as string | number | null))
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
};
