import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** mulberry32: the same seed gives the same data. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const quote = (cell: string): string => (/[",;\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);

/**
 * Small exports with the quirks the SQL must treat as rmos does: missing tokens, invalid and
 * padded numbers, boolean spellings, duplicates inside and across the period edge, times with
 * offsets across midnight and month ends, blank and broken times, currency notations, an EU
 * semicolon file and a gzip file.
 */
export function writeMessyExports(dir: string, seed = 7): void {
  const r = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(r() * items.length)]!;
  const pad = (n: number): string => String(n).padStart(2, '0');
  const day = (): string => `2025-${pick(['06', '07', '07', '07', '08'])}-${pad(1 + Math.floor(r() * 28))}`;
  const time = (): string => {
    const roll = r();
    if (roll < 0.03) return '';
    if (roll < 0.05) return pick(['yesterday', '2025-07-32T10:00:00Z', 'NA']);
    const edge = roll < 0.2;
    const date = edge ? pick(['2025-06-30', '2025-07-01', '2025-07-31', '2025-08-01']) : day();
    const clock = edge ? pick(['23:30:00', '00:15:00', '22:59:59.999']) : `${pad(Math.floor(r() * 24))}:${pad(Math.floor(r() * 60))}:${pad(Math.floor(r() * 60))}`;
    const offset = pick(['Z', '', '+02:00', '-03:00', ' UTC', '+0530', '']);
    return `${date}${pick(['T', ' '])}${clock}${offset}`;
  };
  const score = (max: number): string => {
    const roll = r();
    if (roll < 0.1) return pick(['', 'N/A', 'na', '-', 'null', ' ']);
    if (roll < 0.14) return pick(['nine', String(max + 1), '9.5', '-1', '1e1']);
    if (roll < 0.2) return pick([` ${Math.floor(r() * (max + 1))} `, `${Math.floor(r() * (max + 1))}.0`]);
    return String(Math.floor(r() * (max + 1)));
  };
  const regions = ['EMEA', 'NA', 'APAC', 'LATAM', ''];
  const channels = ['email', 'web', 'in_app', 'sms', ''];

  const survey: string[][] = [['response_id', 'submitted_at', 'channel', 'region', 'segment', 'nps_score', 'csat_score', 'ces_score', 'comment', 'is_test']];
  for (let i = 0; i < 900; i++) {
    const id = r() < 0.05 && i > 10 ? survey[1 + Math.floor(r() * (survey.length - 1))]![0]! : `R-${i}`;
    survey.push([id, time(), pick(channels), pick(regions), pick(['SMB', 'Enterprise']), score(10), score(5), score(7), pick(['', 'fine, thanks', 'said "ok"']), pick(['false', 'FALSE', 'no', '0', 'n', 'true', 'maybe', '', 'f'])]);
  }
  mkdirSync(join(dir, 'survey_responses'), { recursive: true });
  const lines = survey.map((row) => row.map(quote).join(','));
  writeFileSync(join(dir, 'survey_responses', 'a.csv'), `\ufeff${lines.slice(0, 500).join('\r\n')}\r\n`);
  writeFileSync(join(dir, 'survey_responses', 'b.csv.gz'), gzipSync(`${[lines[0], ...lines.slice(500)].join('\n')}\n`));

  const cases: string[][] = [['Ticket ID', 'Created At', 'Solved At', 'Channel', 'Region', 'Status', 'Agent Contacts', 'Reopens', 'Spam']];
  for (let i = 0; i < 600; i++) {
    const id = r() < 0.04 && i > 5 ? cases[1 + Math.floor(r() * (cases.length - 1))]![0]! : `T-${i}`;
    cases.push([id, time(), time(), pick(['chat', 'phone', 'web', 'email']), pick(regions), pick(['solved', 'closed', 'open', 'pending', 'Solved']), score(5), pick(['0', '0', '1', '2', '', 'x']), pick(['false', 'true', 'maybe', ''])]);
  }
  writeFileSync(join(dir, 'support_cases.csv'), `${cases.map((row) => row.map(quote).join(',')).join('\n')}\n`);

  const euro = (): string => pick([`${Math.floor(r() * 9)}.${100 + Math.floor(r() * 899)},${pad(Math.floor(r() * 100))} €`, `${Math.floor(r() * 900)},${pad(Math.floor(r() * 100))} €`, '-', '12.34.56 €', `-${Math.floor(r() * 90)},50 €`, '']);
  const spend = [['date', 'channel', 'campaign', 'category', 'amount']];
  for (let i = 0; i < 300; i++) spend.push([pick([day(), day(), '2025-02-30', '']), pick(['paid_search', 'events', 'content']), 'c', pick(['marketing', 'sales', 'Marketing']), euro()]);
  writeFileSync(join(dir, 'spend.csv'), `${spend.map((row) => row.map(quote).join(';')).join('\n')}\n`);

  const dollars = (): string => pick([`$${Math.floor(r() * 20)},${100 + Math.floor(r() * 899)}.00`, `${Math.floor(r() * 20000)}`, `(${Math.floor(r() * 900)}.00)`, '$-5', 'USD 1,000', 'lots', '']);
  const opportunities = [['opportunity_id', 'created_at', 'closed_at', 'stage', 'amount', 'channel', 'campaign', 'region']];
  for (let i = 0; i < 300; i++) {
    const id = r() < 0.05 && i > 3 ? opportunities[1 + Math.floor(r() * (opportunities.length - 1))]![0]! : `O-${i}`;
    opportunities.push([id, day(), pick([day(), day(), '']), pick(['closed_won', 'closed_lost', 'proposal']), dollars(), pick(['paid_search', 'events', 'content', '']), 'c', pick(regions)]);
  }
  writeFileSync(join(dir, 'opportunities.csv'), `${opportunities.map((row) => row.map(quote).join(',')).join('\n')}\n`);

  const customers = [['customer_id', 'acquired_at', 'channel', 'region', 'segment', 'mrr']];
  for (let i = 0; i < 200; i++) customers.push([r() < 0.05 ? 'C-1' : `C-${i}`, pick([day(), day(), 'NA']), pick(['paid_search', 'events', 'content']), pick(regions), 'SMB', pick([`${Math.floor(r() * 2)},${100 + Math.floor(r() * 899)}.00`, '149.00', 'n/a', '', '1,2'])]);
  writeFileSync(join(dir, 'new_customers.csv'), `${customers.map((row) => row.map(quote).join(',')).join('\n')}\n`);
}
