import { writeFileSync } from 'node:fs';

/**
 * A seeded, messy survey export of a few MB: quoted newlines (some holding text that looks
 * like a record), doubled quotes, blank lines, CRLF rows, ragged rows, invalid and
 * out-of-range scores, bad timestamps, test rows and — with `duplicates` — keys repeated
 * far from their first row (so across pieces). Ids count from `firstId`.
 */
export function writeMessySurvey(path: string, rows: number, seed: number, duplicates: boolean, firstId = 0): void {
  let state = seed;
  const random = (): number => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const score = (min: number, max: number): string => {
    const r = random();
    if (r < 0.06) return '';
    if (r < 0.08) return 'N/A';
    if (r < 0.085) return 'nine';
    if (r < 0.09) return String(max + 1);
    return String(min + Math.floor(random() * (max - min + 1)));
  };
  const comment = (): string => {
    const r = random();
    if (r < 0.3) return '';
    if (r < 0.45) return '"Line one\nline two"';
    if (r < 0.5) return `"${Array.from({ length: 3 + Math.floor(random() * 30) }, (_, i) => `para ${i}, with ""quotes""`).join('\n')}"`;
    // A quoted newline followed by what looks like a whole record.
    if (r < 0.54) return '"see below\nR-999999,2025-05-05T10:00:00Z,email,EMEA,SMB,10,5,7,fake,false\nend"';
    // A pasted block of record-like lines: the split-point check cannot tell it from records.
    if (r < 0.55) return `"pasted:\n${Array.from({ length: 12 }, (_, i) => `R-${900000 + i},2025-05-05T10:00:00Z,email,EMEA,SMB,10,5,7,fake,false`).join('\n')}\nend"`;
    if (r < 0.6) return '"Slow, but fine"';
    return 'ok';
  };
  const start = Date.UTC(2024, 9, 1);
  const parts: string[] = ['response_id,submitted_at,channel,region,segment,nps_score,csat_score,ces_score,comment,is_test\n'];
  for (let i = 0; i < rows; i++) {
    const id = duplicates && i > 100 && random() < 0.04 ? `R-${firstId + Math.floor(random() * i)}` : `R-${firstId + i}`;
    const r = random();
    const ts = r < 0.01 ? 'yesterday' : r < 0.03 ? '' : new Date(start + Math.floor(random() * 450 * 86_400_000)).toISOString().slice(0, 19) + 'Z';
    const fields = [id, ts, pick(['email', 'web', 'in_app']), pick(['EMEA', 'NA', 'APAC', '']), pick(['SMB', 'Enterprise']), score(0, 10), score(1, 5), score(1, 7), comment(), random() < 0.02 ? 'true' : 'false'];
    const shape = random();
    if (shape < 0.005) fields.pop();
    else if (shape < 0.01) fields.push('extra');
    parts.push(fields.join(','), random() < 0.05 ? '\r\n' : '\n');
    if (random() < 0.01) parts.push('\n');
  }
  writeFileSync(path, parts.join(''));
}
