import type { DiffFormatter } from './diff-report.js';
import { formatDiffMarkdown } from './format-diff-markdown.js';
import { formatDiffTable } from './format-diff-table.js';

const formatDiffJson: DiffFormatter = (report) => `${JSON.stringify(report, null, 2)}\n`;

export const DIFF_FORMATTERS = { table: formatDiffTable, json: formatDiffJson, markdown: formatDiffMarkdown } satisfies Record<string, DiffFormatter>;
export type DiffFormat = keyof typeof DIFF_FORMATTERS;
export type { DiffReport } from './diff-report.js';
