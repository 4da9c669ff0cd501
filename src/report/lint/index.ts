import { formatGithub } from './format-github.js';
import { formatGitlab } from './format-gitlab.js';
import { formatJson } from './format-json.js';
import { formatJunit } from './format-junit.js';
import { formatSarif } from './format-sarif.js';
import { formatStylish } from './format-stylish.js';
import type { LintFormatter } from './lint-report.js';

export const LINT_FORMATTERS = {
  stylish: formatStylish,
  json: formatJson,
  github: formatGithub,
  sarif: formatSarif,
  junit: formatJunit,
  gitlab: formatGitlab,
} satisfies Record<string, LintFormatter>;
export type LintFormat = keyof typeof LINT_FORMATTERS;
export { summarize, type LintReport } from './lint-report.js';
