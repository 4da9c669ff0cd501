import { renderHtmlReport } from '../html/render-html-report.js';
import type { ComputeFormatter } from './formatter.js';

/** One self-contained HTML page (inline CSS and SVG, no scripts, no requests): safe to mail. */
export const formatHtml: ComputeFormatter = (report) => renderHtmlReport(report);
