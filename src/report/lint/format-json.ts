import type { LintFormatter } from './lint-report.js';

/** Machine-readable findings; described by schemas/lint-report.schema.json. */
export const formatJson: LintFormatter = (report, options) =>
  `${JSON.stringify(
    {
      rmos: options.version,
      library: report.library,
      summary: { errors: report.errors, warnings: report.warnings, files: report.files },
      findings: report.findings,
    },
    null,
    2,
  )}\n`;
