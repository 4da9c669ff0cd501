import type { ComputeReport } from '../compute/report.js';
import { Html, html } from './escape-html.js';
import { metricCard } from './metric-card.js';
import { pageFooter, pageHeader } from './page-sections.js';
import { PAGE_STYLES } from './page-styles.js';

/**
 * Forbids everything but the inline stylesheet: no scripts, no requests, no forms.
 * The page needs nothing else, so even text that escaped escaping could not act.
 */
const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/** The whole report as one self-contained HTML document. */
export function renderHtmlReport(report: ComputeReport): string {
  const title = `${report.library.name} · ${report.period.label} scorecard`;
  const page = html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="rmos ${report.rmos}">
<title>${title}</title>
<style>${new Html(PAGE_STYLES)}</style>
</head>
<body>
<main>
${pageHeader(report)}
<section class="cards" aria-label="Metrics">
${report.metrics.map((m, i) => html`${metricCard(m, i, report)}\n`)}</section>
${pageFooter(report)}
</main>
</body>
</html>
`;
  return page.text;
}
