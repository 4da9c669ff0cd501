import { renderVarianceHtml } from '../html/render-variance-html.js';
import { formatVarianceCsv } from './format-variance-csv.js';
import { formatVarianceMarkdown } from './format-variance-markdown.js';
import { formatVarianceTable } from './format-variance-table.js';
import type { VarianceFormatter } from './variance-formatter.js';

export const VARIANCE_FORMATTERS = {
  table: formatVarianceTable,
  json: (report) => `${JSON.stringify(report, null, 2)}\n`,
  csv: formatVarianceCsv,
  markdown: formatVarianceMarkdown,
  html: (report) => renderVarianceHtml(report),
} satisfies Record<string, VarianceFormatter>;
export type VarianceFormat = keyof typeof VARIANCE_FORMATTERS;
