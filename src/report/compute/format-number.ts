/** How a value is shown to people (JSON keeps it unrounded). */
export function formatValue(value: number | null, unit: string): string {
  if (value === null) return '—';
  switch (unit) {
    case 'percent':
      return `${value.toFixed(1)}%`;
    case 'count':
      return formatInteger(value);
    case 'currency':
      return formatGrouped(value, 2);
    default:
      return Math.abs(value) < 10 ? value.toFixed(2) : value.toFixed(1);
  }
}

export function formatInterval(ci: readonly [number, number] | null, unit: string): string {
  if (!ci) return '';
  const strip = (s: string) => s.replace(/%$/, '');
  return `${strip(formatValue(ci[0], unit))} – ${formatValue(ci[1], unit)}`;
}

export function formatInteger(value: number | null): string {
  return value === null ? '—' : formatGrouped(value, 0);
}

function formatGrouped(value: number, decimals: number): string {
  const [whole, fraction] = Math.abs(value).toFixed(decimals).split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${value < 0 ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''}`;
}

export function describeSegment(dimensions: Readonly<Record<string, string | null>>): string {
  return Object.entries(dimensions)
    .map(([, v]) => (v === null ? '(missing)' : v))
    .join(' · ');
}

/** A change: signed, in percentage points (pp) for percent metrics. */
export function formatDelta(delta: number | null, unit: string): string {
  if (delta === null) return '—';
  const sign = delta > 0 ? '+' : delta < 0 ? '−' : '±';
  const magnitude = formatValue(Math.abs(delta), unit === 'percent' ? 'points' : unit).replace(/%$/, '');
  return `${sign}${magnitude}${unit === 'percent' ? ' pp' : ''}`;
}
