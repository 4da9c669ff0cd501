import { formatCsv } from './format-csv.js';
import { formatHtml } from './format-html.js';
import { formatJson } from './format-json.js';
import { formatMarkdown } from './format-markdown.js';
import { formatTable } from './format-table.js';
import type { ComputeFormatter } from './formatter.js';

export const COMPUTE_FORMATTERS = { table: formatTable, json: formatJson, csv: formatCsv, markdown: formatMarkdown, html: formatHtml } satisfies Record<string, ComputeFormatter>;
export type ComputeFormat = keyof typeof COMPUTE_FORMATTERS;
export type { ComputeReport } from './report.js';
