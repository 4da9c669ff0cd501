import type { ComputeFormatter } from './formatter.js';

/** The report as JSON, unrounded, valid against schemas/report.schema.json. */
export const formatJson: ComputeFormatter = (report) => `${JSON.stringify(report, null, 2)}\n`;
