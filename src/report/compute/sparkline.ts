const BARS = '▁▂▃▄▅▆▇█';

/** A unicode sparkline of a series; a missing value is a space. */
export function sparkline(values: readonly (number | null)[]): string {
  const present = values.filter((v): v is number => v !== null);
  if (present.length === 0) return '';
  const low = Math.min(...present);
  const high = Math.max(...present);
  return values
    .map((v) => (v === null ? ' ' : BARS[high === low ? 3 : Math.round(((v - low) / (high - low)) * (BARS.length - 1))]!))
    .join('');
}
