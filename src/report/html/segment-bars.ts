import type { SegmentResult } from '../../core/compute/result-types.js';
import { describeSegment, formatInteger, formatValue } from '../compute/format-number.js';
import { dataValue, html, type Html } from './escape-html.js';
import { STATUS_LABELS } from './status-label.js';

/** Bars share one scale that always includes zero, so negative values (NPS) point left. */
function scale(segments: readonly SegmentResult[]): (v: number) => number {
  const values = segments.map((s) => s.value).filter((v): v is number => v !== null);
  const low = Math.min(0, ...values);
  const high = Math.max(0, ...values);
  const span = high - low || 1;
  return (v: number) => Math.round(((v - low) / span) * 10000) / 100;
}

/**
 * Segments as horizontal bars, each with its label and value in text beside it.
 * The bar is decoration (aria-hidden): the numbers are in the row.
 */
export function segmentBars(segments: readonly SegmentResult[], unit: string): Html {
  const x = scale(segments);
  const zero = x(0);
  const rows = segments.map((s) => {
    const label = describeSegment(s.dimensions);
    const start = s.value === null ? zero : Math.min(zero, x(s.value));
    const width = s.value === null ? 0 : Math.abs(x(s.value) - zero);
    // A status is shown only when it says something beyond "no target".
    const status = s.status === 'no_target' ? null : html`<span class="seg-status">${STATUS_LABELS[s.status]}</span>`;
    return html`<li class="segment" data-segment="${JSON.stringify(s.dimensions)}" data-value="${dataValue(s.value)}" data-status="${s.status}"><span class="seg-label">${label}</span><svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false"><rect class="bar-track" x="0" y="0" width="100" height="10"/>${
      width > 0 ? html`<rect class="bar-fill${s.value !== null && s.value < 0 ? ' negative' : ''}" x="${start}" y="0" width="${Math.round(width * 100) / 100}" height="10"/>` : null
    }<line class="bar-zero" x1="${zero}" y1="0" x2="${zero}" y2="10"/></svg><span class="seg-value">${formatValue(s.value, unit)}</span>${s.n !== null || status ? html`<span class="seg-n">${s.n !== null ? `n ${formatInteger(s.n)}` : null}${s.n !== null && status ? ' · ' : null}${status}</span>` : null}</li>`;
  });
  return html`<ul class="segments" aria-label="Segments">${rows}</ul>`;
}
