import type { VarianceReport } from './variance-report.js';

export type VarianceFormatter = (report: VarianceReport, options: { readonly color: boolean }) => string;
