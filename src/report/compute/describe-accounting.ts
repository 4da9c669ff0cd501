import type { Accounting } from '../../core/compute/accounting.js';
import { formatInteger } from './format-number.js';

/** "2,395 read: 354 out of period, 20 excluded (test_responses 20), 2,041 used" — only the non-zero parts. */
export function describeAccounting(accounting: Readonly<Record<string, Accounting>>): string[] {
  return Object.entries(accounting).map(([source, a]) => {
    const parts: string[] = [];
    if (a.out_of_period) parts.push(`${formatInteger(a.out_of_period)} out of period`);
    if (a.duplicate) parts.push(`${formatInteger(a.duplicate)} duplicate`);
    const excluded = Object.entries(a.excluded).filter(([, n]) => n > 0);
    if (excluded.length) parts.push(`${formatInteger(excluded.reduce((s, [, n]) => s + n, 0))} excluded (${excluded.map(([k, n]) => `${k} ${formatInteger(n)}`).join(', ')})`);
    if (a.missing) parts.push(`${formatInteger(a.missing)} missing`);
    if (a.invalid) parts.push(`${formatInteger(a.invalid)} invalid`);
    parts.push(`${formatInteger(a.used)} used`);
    return `${source}: ${formatInteger(a.read)} read — ${parts.join(', ')}`;
  });
}
