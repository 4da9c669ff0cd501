import type { ReportMetric } from '../compute/report.js';
import { formatValue } from '../compute/format-number.js';
import { html, type Html } from './escape-html.js';

const WIDTH = 200;
const HEIGHT = 40;
const PAD = 4;

/** Coordinates with two decimals: enough for a 200-unit box, and stable text. */
function coord(n: number): string {
  return String(Math.round(n * 100) / 100);
}

/** Words a screen reader (and a hover) gives for the trend: every period and its value. */
export function describeTrend(name: string, trend: NonNullable<ReportMetric['trend']>, unit: string): string {
  const points = trend.map((t) => `${t.period} ${t.value === null ? 'no data' : formatValue(t.value, unit)}`);
  return `${name}, last ${trend.length} periods: ${points.join('; ')}`;
}

/**
 * The trend as an inline SVG line: missing periods break the line, a lone value is a dot,
 * and the latest value is marked. Scaled between the lowest and highest value shown.
 */
export function sparklineSvg(id: string, name: string, trend: NonNullable<ReportMetric['trend']>, unit: string): Html {
  const present = trend.map((t) => t.value).filter((v): v is number => v !== null);
  const low = Math.min(...present);
  const high = Math.max(...present);
  const step = trend.length > 1 ? (WIDTH - 2 * PAD) / (trend.length - 1) : 0;
  const x = (i: number) => PAD + i * step;
  const y = (v: number) => (high === low ? HEIGHT / 2 : PAD + ((high - v) / (high - low)) * (HEIGHT - 2 * PAD));

  const runs: { i: number; v: number }[][] = [];
  let current: { i: number; v: number }[] = [];
  trend.forEach((t, i) => {
    if (t.value === null) {
      if (current.length) runs.push(current);
      current = [];
    } else current.push({ i, v: t.value });
  });
  if (current.length) runs.push(current);

  const lines = runs.filter((r) => r.length > 1).map((r) => r.map((p, k) => `${k === 0 ? 'M' : 'L'}${coord(x(p.i))} ${coord(y(p.v))}`).join(' '));
  const dots = runs.filter((r) => r.length === 1).map((r) => r[0]!);
  const lastIndex = trend.length - 1;
  const last = trend[lastIndex]?.value ?? null;
  const titleId = `${id}-title`;
  return html`<svg class="sparkline" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-labelledby="${titleId}" data-points="${trend.length}"><title id="${titleId}">${describeTrend(name, trend, unit)}</title><line class="spark-axis" x1="${PAD}" y1="${HEIGHT - 0.5}" x2="${WIDTH - PAD}" y2="${HEIGHT - 0.5}"/>${
    trend.map((_, i) => html`<line class="spark-tick" x1="${coord(x(i))}" y1="${HEIGHT - 3}" x2="${coord(x(i))}" y2="${HEIGHT}"/>`)
  }${
    lines.map((d) => html`<path class="spark-line" d="${d}"/>`)
  }${dots.map((p) => html`<circle class="spark-dot" cx="${coord(x(p.i))}" cy="${coord(y(p.v))}" r="2"/>`)}${
    last !== null ? html`<circle class="spark-last" cx="${coord(x(lastIndex))}" cy="${coord(y(last))}" r="3"/>` : null
  }</svg>`;
}
