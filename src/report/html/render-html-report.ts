import type { ComputeReport } from '../compute/report.js';
import { html } from './escape-html.js';
import { htmlDocument } from './html-document.js';
import { metricCard } from './metric-card.js';
import { pageFooter, pageHeader } from './page-sections.js';
import { PAGE_STYLES } from './page-styles.js';

/** The whole report as one self-contained HTML document. */
export function renderHtmlReport(report: ComputeReport): string {
  const title = `${report.library.name} · ${report.period.label} scorecard`;
  const body = html`${pageHeader(report)}
<section class="cards" aria-label="Metrics">
${report.metrics.map((m, i) => html`${metricCard(m, i, report)}\n`)}</section>
${pageFooter(report)}
`;
  return htmlDocument({ title, generator: report.rmos, styles: PAGE_STYLES, body });
}
