import type { Drivers } from '../../core/variance/variance-types.js';
import { html, type Html } from './escape-html.js';

const WIDTH = 560;
const ROW = 22;
const LABEL = 150;

/**
 * An inline SVG waterfall of a change by segment: each bar starts where the one
 * before ended, so the last bar ends at the whole change. Green is favourable by
 * the metric's direction, red unfavourable; the numbers are written on the bars.
 */
export function driverWaterfall(drivers: Drivers, unexplained: number | null, format: (n: number) => string, direction: 'higher' | 'lower'): Html {
  const steps = drivers.parts.map((p) => ({ label: p.segment ?? '(missing)', value: p.total }));
  if (unexplained !== null && Math.abs(unexplained) > 1e-9) steps.push({ label: 'not attributed', value: unexplained });
  let running = 0;
  const spans = steps.map((s) => {
    const from = running;
    running += s.value;
    return { ...s, from, to: running };
  });
  const low = Math.min(0, ...spans.map((s) => Math.min(s.from, s.to)));
  const high = Math.max(0, ...spans.map((s) => Math.max(s.from, s.to)));
  const scale = (WIDTH - LABEL - 70) / Math.max(high - low, 1e-12);
  const x = (v: number) => LABEL + (v - low) * scale;
  const height = (spans.length + 1) * ROW + 6;
  return html`<svg class="waterfall" viewBox="0 0 ${WIDTH} ${height}" width="100%" role="img" aria-labelledby="wf-${drivers.dimension}-t">
<title id="wf-${drivers.dimension}-t">Change by ${drivers.dimension}: ${spans.map((s) => `${s.label} ${format(s.value)}`).join(', ')}; total ${format(running)}</title>
<line x1="${x(0)}" y1="0" x2="${x(0)}" y2="${height}" class="axis"/>
${spans.map((s, i) => {
    const y = i * ROW + 4;
    const left = x(Math.min(s.from, s.to));
    const width = Math.max(1, Math.abs(x(s.to) - x(s.from)));
    return html`<g data-segment="${s.label}" data-value="${JSON.stringify(s.value)}"><text x="${LABEL - 6}" y="${y + 14}" text-anchor="end">${s.label}</text><rect x="${left.toFixed(1)}" y="${y}" width="${width.toFixed(1)}" height="${ROW - 6}" class="${(s.value >= 0) === (direction === 'higher') ? 'up' : 'down'}"/><text x="${(left + width + 4).toFixed(1)}" y="${y + 14}">${format(s.value)}</text></g>\n`;
  })}<g><text x="${LABEL - 6}" y="${spans.length * ROW + 18}" text-anchor="end" font-weight="600">total</text><text x="${(x(running) + 4).toFixed(1)}" y="${spans.length * ROW + 18}" font-weight="600">${format(running)}</text></g>
</svg>`;
}
