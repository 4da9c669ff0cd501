import { formatJson } from './format-json.js';
import { formatStylish } from './format-stylish.js';
import type { LintFormatter } from './lint-report.js';

export const LINT_FORMATTERS = { stylish: formatStylish, json: formatJson } satisfies Record<string, LintFormatter>;
export type LintFormat = keyof typeof LINT_FORMATTERS;
export { summarize, type LintReport } from './lint-report.js';
