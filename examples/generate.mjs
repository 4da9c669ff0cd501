#!/usr/bin/env node
// Seeded generator for the rmos example data (examples/data).
//
//   node examples/generate.mjs                 # seed 20250101, writes examples/data
//   node examples/generate.mjs --seed 7 --out /tmp/rmos-data
//
// Plain ESM, Node 20 built-ins only. Every run with the same seed writes
// byte-identical files: all randomness comes from mulberry32 streams derived
// from the seed, nothing reads the clock, and gzip output has mtime 0.
//
// Data covers 2024-07-01 through 2025-12-31 (18 months) for five sources.
// See examples/README.md for what each file is and which messy features are
// in it on purpose.

import { mkdirSync, writeFileSync, rmSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, constants as zc } from 'node:zlib';

// ---------------------------------------------------------------- arguments

function parseArgs(argv) {
  const opts = {
    seed: 20250101,
    out: join(dirname(fileURLToPath(import.meta.url)), 'data'),
  };
  for (let i = 0; i < argv.length; i++) {
    let arg = argv[i];
    let value;
    const eq = arg.indexOf('=');
    if (arg.startsWith('--') && eq > 0) {
      value = arg.slice(eq + 1);
      arg = arg.slice(0, eq);
    }
    const next = () => {
      if (value !== undefined) return value;
      if (i + 1 >= argv.length) usage(`missing value for ${arg}`);
      return argv[++i];
    };
    if (arg === '--seed') {
      const v = next();
      if (!/^-?\d+$/.test(v)) usage(`--seed must be an integer, got ${JSON.stringify(v)}`);
      opts.seed = Number(v);
    } else if (arg === '--out') {
      opts.out = resolve(next());
    } else if (arg === '-h' || arg === '--help') {
      process.stdout.write('usage: node examples/generate.mjs [--seed N] [--out DIR]\n' +
        '  --seed N   PRNG seed (default 20250101)\n' +
        '  --out DIR  output directory (default examples/data next to this script)\n');
      process.exit(0);
    } else {
      usage(`unknown argument ${JSON.stringify(arg)}`);
    }
  }
  return opts;
}

function usage(msg) {
  process.stderr.write(`generate.mjs: ${msg}\nusage: node examples/generate.mjs [--seed N] [--out DIR]\n`);
  process.exit(2);
}

// ---------------------------------------------------------------- PRNG

function mulberry32(a) {
  return function () {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rng {
  constructor(seed) {
    this.next = mulberry32(seed >>> 0);
  }
  float(a = 0, b = 1) { return a + (b - a) * this.next(); }
  int(a, b) { return a + Math.floor(this.next() * (b - a + 1)); } // inclusive
  chance(p) { return this.next() < p; }
  pick(arr) { return arr[Math.floor(this.next() * arr.length)]; }
  // weighted pick from [[value, weight], ...]
  weighted(pairs) {
    let total = 0;
    for (const [, w] of pairs) total += w;
    let r = this.next() * total;
    for (const [v, w] of pairs) {
      r -= w;
      if (r < 0) return v;
    }
    return pairs[pairs.length - 1][0];
  }
  normal() {
    // Box-Muller; 1 - u keeps log away from 0
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
  lognormal(median, sigma) { return median * Math.exp(sigma * this.normal()); }
  shuffle(arr) {
    for (let i = arr.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [arr[i], arr[j]] = [arr[j], arr[i]];
    }
    return arr;
  }
}

// Independent stream per source so tweaking one source never shifts another.
function stream(seed, salt) {
  let h = (seed ^ Math.imul(salt, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return new Rng((h ^ (h >>> 16)) >>> 0);
}

// ---------------------------------------------------------------- calendar

const DAY = 86400000;
const HOUR = 3600000;
const START = Date.UTC(2024, 6, 1); // 2024-07-01
const END = Date.UTC(2026, 0, 1); // exclusive: 2026-01-01
const EXPORT_AT = Date.UTC(2026, 0, 2, 6, 0, 0); // when the "downloads" were taken

const MONTHS = [];
for (let i = 0; i < 18; i++) {
  const y = 2024 + Math.floor((6 + i) / 12);
  const m = ((6 + i) % 12) + 1; // 1..12
  const start = Date.UTC(y, m - 1, 1);
  const end = Date.UTC(y, m, 1);
  MONTHS.push({ i, y, m, key: `${y}-${pad(m, 2)}`, start, end, days: Math.round((end - start) / DAY) });
}

// Two months before the range, used only as warm-up for sources whose rows
// are dated by an end event (cases solved in July 2024 that were opened in
// June; deals closed in July 2024 that were created in May or June).
const WARMUP = [
  { i: -2, y: 2024, m: 5, key: '2024-05', start: Date.UTC(2024, 4, 1), end: Date.UTC(2024, 5, 1), days: 31 },
  { i: -1, y: 2024, m: 6, key: '2024-06', start: Date.UTC(2024, 5, 1), end: Date.UTC(2024, 6, 1), days: 30 },
];

function pad(n, w) { return String(n).padStart(w, '0'); }
function ymd(ms) {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
}
function hms(ms) {
  const d = new Date(ms);
  return `${pad(d.getUTCHours(), 2)}:${pad(d.getUTCMinutes(), 2)}:${pad(d.getUTCSeconds(), 2)}`;
}
function isoZ(ms) { return `${ymd(ms)}T${hms(ms)}Z`; }
function spaced(ms) { return `${ymd(ms)} ${hms(ms)}`; }
function isWeekend(ms) { const w = new Date(ms).getUTCDay(); return w === 0 || w === 6; }
function monthIndexOf(ms) {
  const d = new Date(ms);
  return (d.getUTCFullYear() - 2024) * 12 + d.getUTCMonth() - 6;
}

// Business-shaped month effects shared by all sources.
//  t       0..1 gentle trend over the 18 months
//  dip     seasonal dip: December holidays / January backlog, a softer August
//  q2dip   a product incident in spring 2025 (Q2 2025 a bit worse)
//  q3lift  Q3 2025 a bit better (fix shipped)
function effects(mi) {
  mi = Math.max(0, Math.min(MONTHS.length - 1, mi)); // warm-up months behave like the first month
  const mo = MONTHS[mi];
  const t = mi / 17;
  const dip = mo.m === 12 ? 1 : mo.m === 1 ? 0.7 : mo.m === 8 ? 0.35 : 0;
  const q2dip = mo.key === '2025-04' ? 0.4 : mo.key === '2025-05' ? 1 : mo.key === '2025-06' ? 0.6 : 0;
  const q3lift = mo.y === 2025 && mo.m >= 7 && mo.m <= 9 ? 1 : 0;
  return { t, dip, q2dip, q3lift, m: mo.m };
}

// Random instant inside [start, end) shaped by weekday and hour-of-day weights.
const HOUR_WEIGHTS = [2, 1.5, 1.2, 1, 1, 1.3, 2, 3.5, 5, 6, 6.5, 6.5, 6, 6.5, 6.5, 6, 5.5, 5, 4.5, 4, 3.6, 3.2, 2.8, 2.4]
  .map((w, h) => [h, w]);
function randomInstant(rng, start, end, weekendWeight) {
  for (;;) {
    const day = start + rng.int(0, Math.round((end - start) / DAY) - 1) * DAY;
    if (isWeekend(day) && !rng.chance(weekendWeight)) continue;
    const h = rng.weighted(HOUR_WEIGHTS);
    return day + h * HOUR + rng.int(0, 59) * 60000 + rng.int(0, 59) * 1000;
  }
}
function randomDay(rng, start, end, weekendWeight) {
  for (;;) {
    const day = start + rng.int(0, Math.round((end - start) / DAY) - 1) * DAY;
    if (isWeekend(day) && !rng.chance(weekendWeight)) continue;
    return day;
  }
}

// ---------------------------------------------------------------- CSV writing

function csvField(v, quoteAll) {
  const s = v == null ? '' : String(v);
  if (quoteAll || /[",\r\n]/.test(s)) return `"${s.replace(/"/g, '""')}"`;
  return s;
}
function csvText(header, rows, { eol = '\n', delimiter = ',', quoteAll = false, bom = false } = {}) {
  const line = (cells) => cells.map((c) => {
    if (delimiter === ',') return csvField(c, quoteAll);
    const s = c == null ? '' : String(c);
    if (quoteAll || s.includes(delimiter) || /["\r\n]/.test(s)) return `"${s.replace(/"/g, '""')}"`;
    return s;
  }).join(delimiter);
  let out = bom ? '\ufeff' : '';
  out += line(header) + eol;
  for (const r of rows) out += line(r) + eol;
  return out;
}

// ---------------------------------------------------------------- shared dims

const REGIONS = [['EMEA', 0.35], ['NA', 0.35], ['APAC', 0.18], ['LATAM', 0.12]];
const SEGMENTS = [['SMB', 0.55], ['Mid-Market', 0.3], ['Enterprise', 0.15]];

// ================================================================ 1. surveys

const SURVEY_HEADER = ['response_id', 'submitted_at', 'channel', 'region', 'segment',
  'nps_score', 'csat_score', 'ces_score', 'comment', 'is_test'];
const SURVEY_CHANNELS = [['email', 0.4], ['web', 0.25], ['in_app', 0.25], ['sms', 0.1]];
const NPS_REGION = { NA: 44, EMEA: 36, APAC: 24, LATAM: 12 };
const NPS_CHANNEL = { in_app: 6, web: 2, email: -2, sms: -8 };
const NPS_SEGMENT = { SMB: 2, 'Mid-Market': 0, Enterprise: -5 };
// Spelling of is_test cycles by month: the survey tool changed export settings.
const BOOL_STYLES = [['false', 'true'], ['FALSE', 'TRUE'], ['no', 'yes'], ['0', '1']];

const CSAT_BY_CAT = {
  promoter: [[5, 0.62], [4, 0.32], [3, 0.05], [2, 0.01]],
  passive: [[5, 0.2], [4, 0.5], [3, 0.22], [2, 0.06], [1, 0.02]],
  detractor: [[5, 0.03], [4, 0.15], [3, 0.32], [2, 0.3], [1, 0.2]],
};
const CES_BY_CAT = {
  promoter: [[7, 0.35], [6, 0.35], [5, 0.18], [4, 0.08], [3, 0.03], [2, 0.01]],
  passive: [[7, 0.12], [6, 0.3], [5, 0.3], [4, 0.16], [3, 0.08], [2, 0.03], [1, 0.01]],
  detractor: [[7, 0.04], [6, 0.1], [5, 0.2], [4, 0.25], [3, 0.2], [2, 0.12], [1, 0.09]],
};
const DETRACTOR_SCORES = [[0, 0.06], [1, 0.04], [2, 0.07], [3, 0.11], [4, 0.14], [5, 0.25], [6, 0.33]];

const COMMENTS = {
  promoter: [
    'Great support, fast answers.',
    'Love the new dashboard',
    'Setup was easy, and the team was helpful',
    'The rep said "no problem" and fixed it in minutes',
    'Exactly what we needed.',
    'Reporting is great, exports are fast',
    'Best onboarding we have had with any vendor',
    'Keep it up!',
    'Our team uses it every day, works well',
    'Support called it "a known quirk" but still fixed it same day',
    'Two things I love:\n1) the search\n2) the API docs',
    'Very happy. Renewal was painless',
    'Smooth migration, thanks to Ana & team',
  ],
  passive: [
    'Good overall, but pricing is confusing',
    'Works fine. Mobile app could be better',
    'OK',
    'Decent, some reports are slow',
    'Would like SSO on the standard plan',
    'The "new" editor takes getting used to',
    'Fine for now; we are evaluating alternatives',
    'Support was polite, answer took 2 days',
    'Does the job.\nExport to Excel would help',
    'Billing page is hard to find',
  ],
  detractor: [
    'Too many outages this month',
    'Support took a week to reply, and the issue is still open',
    'Export keeps failing',
    'I was told "it is on the roadmap" for the third time',
    'Price went up, value did not',
    'Search is broken, cannot find anything',
    'Had to contact support 4 times.\nStill not fixed.',
    'Confusing UI, slow, buggy',
    'Data sync lost a day of records',
    'Invoice was wrong, twice',
    'The integration with our CRM breaks every week, please fix',
  ],
  test: ['test', 'QA - please ignore', 'testing new survey flow, ignore', 'test response from the CX team', ''],
};

// cells that are "missing" but not blank, and messy-but-valid spellings
const MISSING_TOKENS = ['N/A', 'NA', 'n/a', '-'];
// invalid cells: [column, raw]
const INVALID_CELLS = [['nps', 'nine'], ['nps', '11'], ['nps', '9.5'], ['csat', '0'], ['ces', '8']];

function genSurveys(seed) {
  const rng = stream(seed, 1);
  const byMonth = [];
  for (const mo of MONTHS) {
    const fx = effects(mo.i);
    const shift = 8 * fx.t - 6 * fx.dip - 5 * fx.q2dip + 2 * fx.q3lift - 3;
    let n = Math.round(720 * (1 + 0.12 * fx.t) * (1 - 0.12 * fx.dip) * (1 + 0.06 * rng.normal()));
    n = Math.max(600, Math.min(900, n));
    const nTest = rng.int(5, 9);
    const blankP = { nps: rng.float(0.1, 0.13), csat: rng.float(0.14, 0.19), ces: rng.float(0.2, 0.25) };
    const rows = [];

    for (let k = 0; k < n; k++) {
      const region = rng.weighted(REGIONS);
      const channel = rng.weighted(SURVEY_CHANNELS);
      const segment = rng.weighted(SEGMENTS);
      const ms = randomInstant(rng, mo.start, mo.end, 0.55);
      const net = Math.max(-60, Math.min(80,
        NPS_REGION[region] + NPS_CHANNEL[channel] + NPS_SEGMENT[segment] + shift)) / 100;
      const pPro = (0.74 + net) / 2;
      const pDet = (0.74 - net) / 2;
      const u = rng.next();
      const cat = u < pPro ? 'promoter' : u < pPro + pDet ? 'detractor' : 'passive';
      const nps = cat === 'promoter' ? (rng.chance(0.55) ? 10 : 9)
        : cat === 'passive' ? (rng.chance(0.55) ? 8 : 7)
          : rng.weighted(DETRACTOR_SCORES);
      const csat = rng.weighted(CSAT_BY_CAT[cat]);
      const ces = rng.weighted(CES_BY_CAT[cat]);
      const commentP = cat === 'detractor' ? 0.68 : cat === 'promoter' ? 0.45 : 0.4;
      const comment = rng.chance(commentP) ? rng.pick(COMMENTS[cat]) : '';
      rows.push({
        ms, ts: isoZ(ms), region, channel, segment, comment, isTest: false, clean: true,
        nps: rng.chance(blankP.nps) ? '' : String(nps),
        csat: rng.chance(blankP.csat) ? '' : String(csat),
        ces: rng.chance(blankP.ces) ? '' : String(ces),
      });
    }

    // Test responses from the team itself: all questions answered, mostly 10s.
    for (let k = 0; k < nTest; k++) {
      const ms = randomInstant(rng, mo.start, mo.end, 0.1);
      const top = rng.chance(0.8);
      rows.push({
        ms, ts: isoZ(ms), region: rng.weighted(REGIONS), channel: rng.pick(['web', 'in_app']),
        segment: rng.weighted(SEGMENTS), isTest: true, clean: false,
        nps: top ? '10' : String(rng.int(0, 10)),
        csat: top ? '5' : String(rng.int(1, 5)),
        ces: top ? '7' : String(rng.int(1, 7)),
        comment: rng.pick(COMMENTS.test),
      });
    }

    // Timestamps with a UTC offset. Some sit at month ends on purpose: the
    // local time is in this month's file but the UTC instant is in the next
    // (negative offset, late on the last day) or previous month (positive
    // offset, early on the 1st).
    const real = rows.filter((r) => !r.isTest);
    const pickPlain = () => { for (;;) { const r = rng.pick(real); if (r.clean) return r; } };
    const tzFor = { NA: ['-05:00', '-08:00', '-06:00'], LATAM: ['-03:00', '-05:00'], EMEA: ['+01:00', '+02:00'], APAC: ['+05:30', '+09:00', '+10:00'] };
    const setLocal = (r, localMs, off) => {
      const sign = off[0] === '-' ? -1 : 1;
      const offMs = sign * (Number(off.slice(1, 3)) * HOUR + Number(off.slice(4, 6)) * 60000);
      r.ms = localMs - offMs;
      r.ts = `${ymd(localMs)}T${hms(localMs)}${off}`;
      r.clean = false;
    };
    const lastDay = mo.end - DAY;
    // late on the last day, negative offset -> next month in UTC
    for (let k = 0, nk = rng.int(1, 2); k < nk; k++) {
      const r = pickPlain();
      r.region = rng.pick(['NA', 'LATAM']);
      const off = rng.pick(tzFor[r.region]);
      const minHour = Math.max(24 - Number(off.slice(1, 3)), 19);
      setLocal(r, lastDay + rng.int(minHour, 23) * HOUR + rng.int(0, 59) * 60000 + rng.int(0, 59) * 1000, off);
    }
    // early on the 1st, positive offset -> previous month in UTC
    {
      const r = pickPlain();
      r.region = rng.pick(['EMEA', 'APAC']);
      const off = rng.pick(tzFor[r.region]);
      const maxHour = Math.floor(Number(off.slice(1, 3))) - 1;
      setLocal(r, mo.start + rng.int(0, Math.max(0, maxHour)) * HOUR + rng.int(0, 59) * 60000 + rng.int(0, 59) * 1000, off);
    }
    // a few mid-month rows with offsets
    for (let k = 0, nk = rng.int(2, 4); k < nk; k++) {
      const r = pickPlain();
      const off = rng.pick(tzFor[r.region]);
      setLocal(r, mo.start + rng.int(2, mo.days - 3) * DAY + rng.int(7, 20) * HOUR + rng.int(0, 59) * 60000 + rng.int(0, 59) * 1000, off);
    }

    // Messy cells, only on real (non-test) rows, at most one per row.
    const candidates = rng.shuffle(real.slice());
    let c = 0;
    const takeRow = (col) => {
      while (c < candidates.length) {
        const r = candidates[c++];
        if (r[col] !== '' && r.clean) { r.clean = false; return r; }
      }
      return null;
    };
    const cols = ['nps', 'csat', 'ces'];
    // missing tokens instead of blanks
    for (let k = 0, nk = rng.int(5, 9); k < nk; k++) {
      const col = rng.pick(cols);
      const r = takeRow(col);
      if (r) r[col] = rng.pick(MISSING_TOKENS);
    }
    // messy but valid spellings
    for (let k = 0, nk = rng.int(2, 4); k < nk; k++) {
      const col = rng.pick(cols);
      const r = takeRow(col);
      if (r) r[col] = rng.chance(0.5) ? ` ${r[col]} ` : `${r[col]}.0`;
    }
    // invalid values (~0.2% of rows)
    for (let k = 0, nk = rng.int(1, 2); k < nk; k++) {
      const [col, raw] = rng.pick(INVALID_CELLS);
      const r = takeRow(col);
      if (r) r[col] = raw;
    }

    byMonth.push(rows);
  }

  // 2025-08 re-exports three responses from 2025-07 (same id, same content).
  const jul = byMonth[MONTHS.findIndex((m) => m.key === '2025-07')];
  const aug = byMonth[MONTHS.findIndex((m) => m.key === '2025-08')];
  const finalize = (rows, mo) => {
    rows.sort((a, b) => a.ms - b.ms);
    let seq = 0;
    for (const r of rows) if (!r.id) r.id = `R-${mo.key}-${pad(++seq, 6)}`;
  };
  for (const mo of MONTHS) if (mo.key !== '2025-08') finalize(byMonth[mo.i], mo);
  const dupes = jul.filter((r) => r.clean && r.nps !== '' && r.csat !== '' && r.ces !== '').slice(-3);
  for (const d of dupes) aug.push({ ...d, dupe: true });
  finalize(aug, MONTHS.find((m) => m.key === '2025-08'));

  return byMonth;
}

function writeSurveys(out, byMonth) {
  const dir = join(out, 'survey_responses');
  mkdirSync(dir, { recursive: true });
  const files = [];
  for (const mo of MONTHS) {
    const [f, t] = BOOL_STYLES[mo.i % BOOL_STYLES.length];
    const rows = byMonth[mo.i].map((r) => [r.id, r.ts, r.channel, r.region, r.segment,
      r.nps, r.csat, r.ces, r.comment, r.isTest ? t : f]);
    const opts = {
      bom: mo.key === '2025-07',
      eol: mo.key === '2025-10' ? '\r\n' : '\n',
      quoteAll: mo.key === '2025-11',
    };
    const text = csvText(SURVEY_HEADER, rows, opts);
    const csvPath = join(dir, `${mo.key}.csv`);
    const gzPath = `${csvPath}.gz`;
    if (mo.key === '2025-09') {
      const gz = gzipSync(Buffer.from(text, 'utf8'), { level: 9, strategy: zc.Z_DEFAULT_STRATEGY });
      gz[9] = 3; // OS byte fixed to "Unix" so the file is identical on every platform (mtime is already 0)
      writeFileSync(gzPath, gz);
      if (existsSync(csvPath)) rmSync(csvPath);
      files.push(gzPath);
    } else {
      writeFileSync(csvPath, text, 'utf8');
      if (existsSync(gzPath)) rmSync(gzPath);
      files.push(csvPath);
    }
  }
  return files;
}

// ================================================================ 2. support cases

const SUPPORT_HEADER = ['Ticket ID', 'Created At', 'Solved At', 'Channel', 'Region', 'Status', 'Agent Contacts', 'Reopens', 'Spam'];
const SUPPORT_CHANNELS = [['email', 0.38], ['chat', 0.3], ['phone', 0.14], ['web', 0.18]];
const FCR_CHANNEL = { chat: 0.765, phone: 0.79, email: 0.62, web: 0.645 };
const FCR_REGION = { NA: 0.01, EMEA: 0, APAC: -0.015, LATAM: -0.025 };
const FAST_MEDIAN_H = { chat: 0.6, phone: 0.4, email: 7, web: 9 };

function genSupport(seed) {
  const rng = stream(seed, 2);
  const cases = [];
  // June 2024 is generated only as warm-up: the export keeps the June cases
  // that were still unsolved on 2024-07-01 (so July 2024 sees solves of June
  // cases like every other month does).
  for (const mo of [WARMUP[1], ...MONTHS]) {
    const fx = effects(mo.i);
    const seasonal = mo.m === 12 ? 0.9 : mo.m === 1 ? 1.1 : mo.m === 8 ? 0.93 : 1;
    const n = Math.round(880 * (1 + 0.08 * fx.t) * seasonal * (1 + 0.04 * rng.normal()));
    const fcrShift = 0.04 * fx.t - 0.05 * fx.dip - 0.04 * fx.q2dip + 0.01 * fx.q3lift;
    for (let k = 0; k < n; k++) {
      const opened = randomInstant(rng, mo.start, mo.end, 0.45);
      const region = rng.weighted(REGIONS);
      if (rng.chance(0.02)) {
        // spam: closed quickly, one touch
        const channel = rng.chance(0.7) ? 'email' : 'web';
        const solved = opened + Math.round(rng.lognormal(1.5, 0.8) * HOUR / 1000) * 1000;
        if (mo.i < 0 && solved < START) continue;
        cases.push({ opened, solved, channel, region, contacts: 1, reopens: 0, spam: true });
        continue;
      }
      const channel = rng.weighted(SUPPORT_CHANNELS);
      const fcr = rng.chance(FCR_CHANNEL[channel] + FCR_REGION[region] + fcrShift);
      let contacts = 1;
      let reopens = 0;
      let hours;
      if (fcr) {
        hours = rng.lognormal(FAST_MEDIAN_H[channel], 1.0);
      } else {
        if (rng.chance(0.75)) {
          contacts = rng.weighted([[2, 0.5], [3, 0.25], [4, 0.12], [5, 0.08], [6, 0.05]]);
          reopens = rng.chance(0.2) ? 1 : 0;
        } else {
          reopens = rng.chance(0.8) ? 1 : 2;
        }
        hours = rng.lognormal(40, 0.9);
      }
      hours = Math.min(hours, 21 * 24);
      let solved = opened + Math.max(60, Math.round(hours * 3600)) * 1000;
      if (solved > EXPORT_AT || rng.chance(0.003)) solved = null; // still open at export
      if (mo.i < 0 && solved != null && solved < START) continue; // warm-up case solved before the range
      cases.push({ opened, solved, channel, region, contacts, reopens, spam: false });
    }
  }
  cases.sort((a, b) => a.opened - b.opened);
  const rows = cases.map((c, idx) => {
    let status;
    if (c.solved == null) {
      status = rng.chance(0.6) ? 'open' : 'pending';
      c.contacts = c.contacts > 1 ? c.contacts : rng.weighted([[1, 0.7], [2, 0.3]]);
    } else {
      status = EXPORT_AT - c.solved > 4 * DAY && rng.chance(0.9) ? 'closed' : 'solved';
    }
    return [`T-${100001 + idx}`, spaced(c.opened), c.solved == null ? '' : spaced(c.solved), c.channel,
      c.region, status, c.contacts, c.reopens, c.spam ? 'true' : 'false'];
  });
  return rows;
}

// ================================================================ 3. spend

const SPEND_HEADER = ['date', 'channel', 'campaign', 'category', 'amount'];

function fmtEur(x) {
  const [int, frac] = (Math.round(x * 100) / 100).toFixed(2).split('.');
  return `${int.replace(/\B(?=(\d{3})+(?!\d))/g, '.')},${frac} €`;
}
function fmtUsd(x) {
  const [int, frac] = (Math.round(x * 100) / 100).toFixed(2).split('.');
  return `${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${frac}`;
}

function genSpend(seed) {
  const rng = stream(seed, 3);
  const rows = [];
  for (const mo of MONTHS) {
    const fx = effects(mo.i);
    const mult = (1 + 0.12 * fx.t) * (mo.m >= 9 && mo.m <= 11 ? 1.08 : mo.m === 8 ? 0.95 : mo.m === 12 ? 0.95 : 1);
    const add = (day, channel, campaign, category, amount) => rows.push({ day, channel, campaign, category, amount });
    for (let d = 0; d < mo.days; d++) {
      const day = mo.start + d * DAY;
      const wk = isWeekend(day) ? 0.75 : 1.1;
      add(day, 'paid_search', 'brand_search', 'marketing', rng.lognormal(300, 0.15) * wk * mult);
      add(day, 'paid_search', 'nonbrand_search', 'marketing', rng.lognormal(850, 0.18) * wk * mult);
      add(day, 'paid_social', 'linkedin_abm', 'marketing', rng.lognormal(520, 0.2) * wk * mult);
      add(day, 'paid_social', 'meta_retargeting', 'marketing', rng.lognormal(260, 0.2) * wk * mult);
      if (new Date(day).getUTCDay() === 1) { // Mondays: weekly invoices
        add(day, 'content', 'content_seo', 'marketing', rng.lognormal(1600, 0.12) * mult);
        add(day, 'content', 'webinar_series', 'marketing', rng.lognormal(1200, 0.2) * mult);
        add(day, 'outbound', 'sdr_outbound', 'sales', rng.lognormal(7400, 0.08) * (1 + 0.06 * fx.t));
      }
    }
    add(mo.start, 'outbound', 'intent_data', 'sales', 2500);
    // events are lumpy: trade shows (marketing) and field dinners (sales)
    const showBudget = (mo.m === 7 || mo.m === 8 || mo.m === 12 ? 11000 : 19000) * mult * (1 + 0.2 * rng.normal());
    const nShows = rng.int(1, 2);
    for (let k = 0; k < nShows; k++) {
      add(randomDay(rng, mo.start, mo.end, 0), 'events', 'trade_shows', 'marketing', Math.max(2500, showBudget / nShows * rng.float(0.8, 1.2)));
    }
    add(randomDay(rng, mo.start, mo.end, 0), 'events', 'field_dinners', 'sales', rng.lognormal(7000, 0.2));
  }
  rows.sort((a, b) => a.day - b.day || a.channel.localeCompare(b.channel) || a.campaign.localeCompare(b.campaign) || a.amount - b.amount);
  return rows.map((r) => [ymd(r.day), r.channel, r.campaign, r.category, fmtEur(r.amount)]);
}

// ================================================================ 4. opportunities

const OPP_HEADER = ['opportunity_id', 'created_at', 'closed_at', 'stage', 'amount', 'channel', 'campaign', 'region'];
const OPP_CHANNELS = [['paid_search', 0.3], ['paid_social', 0.18], ['events', 0.14], ['content', 0.2], ['outbound', 0.18]];
const CAMPAIGNS = {
  paid_search: [['brand_search', 0.45], ['nonbrand_search', 0.55]],
  paid_social: [['linkedin_abm', 0.65], ['meta_retargeting', 0.35]],
  content: [['content_seo', 0.55], ['webinar_series', 0.45]],
  events: [['trade_shows', 0.7], ['field_dinners', 0.3]],
  outbound: [['sdr_outbound', 0.85], ['intent_data', 0.15]],
};
const WIN_RATE = { paid_search: 0.3, paid_social: 0.22, events: 0.28, content: 0.27, outbound: 0.22 };
const DEAL_MEDIAN = { paid_search: 3000, paid_social: 3300, events: 5200, content: 3200, outbound: 4800 };

function genOpportunities(seed) {
  const rng = stream(seed, 4);
  const opps = [];
  // May/June 2024 are warm-up: the CRM report keeps deals closed on or after
  // 2024-07-01, so early deals in the range close like in any other month.
  for (const mo of [...WARMUP, ...MONTHS]) {
    const fx = effects(mo.i);
    let n = Math.round(148 * (1 + 0.1 * fx.t) * (1 - 0.12 * fx.dip) * (1 + 0.06 * rng.normal()));
    n = Math.max(120, Math.min(180, n));
    for (let k = 0; k < n; k++) {
      const created = randomDay(rng, mo.start, mo.end, 0.15);
      const channel = rng.weighted(OPP_CHANNELS);
      const campaign = rng.weighted(CAMPAIGNS[channel]);
      const region = rng.weighted(REGIONS);
      // win/lose is decided now; the closing month's effects matter more than the creation month's
      const won = rng.chance(WIN_RATE[channel] + 0.05 * fx.t);
      const cycle = Math.max(5, Math.round(won ? rng.lognormal(35, 0.6) : rng.lognormal(28, 0.7)));
      let closed = created + cycle * DAY;
      let amount = rng.lognormal(DEAL_MEDIAN[channel], 0.75);
      if (rng.chance(0.01)) amount = rng.float(25000, 60000);
      amount = Math.min(100000, Math.max(800, Math.round(amount / 100) * 100));
      // closing in the Q2 2025 incident loses a few deals; Q3 2025 closes a few more
      let stage;
      if (closed >= END || rng.chance(0.004)) {
        const elapsed = (Math.min(EXPORT_AT, END) - created) / (cycle * DAY);
        stage = elapsed < 0.3 ? 'prospecting' : elapsed < 0.7 ? 'proposal' : 'negotiation';
        closed = null;
      } else {
        const cfx = effects(monthIndexOf(closed));
        let w = won;
        if (w && rng.chance(0.12 * cfx.q2dip)) w = false;
        if (!w && rng.chance(0.05 * cfx.q3lift)) w = true;
        stage = w ? 'closed_won' : 'closed_lost';
      }
      if (mo.i < 0 && closed != null && closed < START) continue;
      opps.push({ created, closed, stage, amount, channel, campaign, region });
    }
  }
  opps.sort((a, b) => a.created - b.created);
  return opps.map((o, idx) => [
    `OPP-${pad(idx + 1, 6)}`, ymd(o.created), o.closed == null ? '' : ymd(o.closed), o.stage,
    rng.chance(0.05) ? String(o.amount) : `$${fmtUsd(o.amount)}`,
    o.channel, o.campaign, o.region,
  ]);
}

// ================================================================ 5. new customers

const CUST_HEADER = ['customer_id', 'acquired_at', 'channel', 'region', 'segment', 'mrr'];
const CUST_CHANNELS = [['paid_search', 0.28], ['paid_social', 0.16], ['events', 0.1], ['content', 0.26], ['outbound', 0.2]];

function genCustomers(seed) {
  const rng = stream(seed, 5);
  const custs = [];
  for (const mo of MONTHS) {
    const fx = effects(mo.i);
    let n = Math.round(50 * (1 + 0.15 * fx.t) * (1 - 0.15 * fx.dip) * (1 - 0.08 * fx.q2dip) * (1 + 0.06 * fx.q3lift) * (1 + 0.07 * rng.normal()));
    n = Math.max(40, Math.min(70, n));
    for (let k = 0; k < n; k++) {
      const channel = rng.weighted(CUST_CHANNELS);
      const entBoost = channel === 'outbound' || channel === 'events' ? 2.5 : 1;
      const segment = rng.weighted([['SMB', 0.8], ['Mid-Market', 0.17], ['Enterprise', 0.03 * entBoost]]);
      let mrr;
      if (segment === 'SMB') mrr = rng.pick([79, 99, 99, 129, 149, 149, 199]) * (rng.chance(0.1) ? 2 : 1);
      else if (segment === 'Mid-Market') mrr = Math.round(rng.lognormal(420, 0.3) / 10) * 10;
      else mrr = Math.round(rng.lognormal(1700, 0.35) / 50) * 50;
      custs.push({ day: randomDay(rng, mo.start, mo.end, 0.2), channel, region: rng.weighted(REGIONS), segment, mrr });
    }
  }
  custs.sort((a, b) => a.day - b.day);
  return custs.map((c, idx) => [`CUS-${pad(idx + 1, 5)}`, ymd(c.day), c.channel, c.region, c.segment, fmtUsd(c.mrr)]);
}

// ================================================================ main

function main() {
  const { seed, out } = parseArgs(process.argv.slice(2));
  mkdirSync(out, { recursive: true });
  const written = [];

  written.push(...writeSurveys(out, genSurveys(seed)));

  const support = join(out, 'support_cases.csv');
  writeFileSync(support, csvText(SUPPORT_HEADER, genSupport(seed), { eol: '\r\n' }), 'utf8');
  written.push(support);

  const spend = join(out, 'spend.csv');
  writeFileSync(spend, csvText(SPEND_HEADER, genSpend(seed), { delimiter: ';' }), 'utf8');
  written.push(spend);

  const opps = join(out, 'opportunities.csv');
  writeFileSync(opps, csvText(OPP_HEADER, genOpportunities(seed)), 'utf8');
  written.push(opps);

  const custs = join(out, 'new_customers.csv');
  writeFileSync(custs, csvText(CUST_HEADER, genCustomers(seed)), 'utf8');
  written.push(custs);

  process.stdout.write(`wrote ${written.length} files to ${out} (seed ${seed})\n`);
}

main();
