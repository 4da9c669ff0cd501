// Time a thread spends per row, in one process and on one thread, over the 1M-row survey export
// of compute-scale (run that first, with --keep): scanning alone, and the whole row path (scan,
// decode the planned cells, classify, measure nps + csat + ces overall and by region). Each is
// run seven times (ROUNDS=N to change) and the fastest is shown, in wall and in CPU time, so
// that compilation and other load on the machine weigh less than in one timed process.
//   node bench/run.mjs row-path [--file PATH] [--only scan|decode|all|pieces]
// Environment: ROUND_TRACE=1 prints every round's time, NO_BY=1 drops the --by region
// segments, PIECE_MB sets the piece size of --only pieces (4).
import { existsSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { planCompute } from '../src/core/compute/plan.js';
import { SourceRun } from '../src/core/compute/source-run.js';
import { analyzeLibrary } from '../src/core/library/analyze-metric.js';
import { parsePeriod } from '../src/core/periods/parse-period.js';
import type { Period } from '../src/core/periods/index.js';
import { loadCleanLibrary } from '../src/io/compute/run-compute.js';
import { scanCsv } from '../src/io/csv/scan-csv.js';
import { readSourceFile, readSourceHead } from '../src/io/data/read-source.js';
import { readPiece } from '../src/io/parallel/read-piece.js';
import { splitPoints } from '../src/io/parallel/split-file.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const at = process.argv.indexOf('--file');
const path = at >= 0 ? process.argv[at + 1]! : `${root}bench/out/survey_responses-1000000.csv`;
if (!existsSync(path)) {
  console.error(`${path} is missing: run node bench/run.mjs compute-scale --sizes 1000000 --keep first`);
  process.exit(2);
}

const library = await loadCleanLibrary(`${root}metrics`);
const plan = planCompute(analyzeLibrary(library), ['nps', 'csat', 'ces'], process.env.NO_BY ? [] : ['region']);
const period = parsePeriod('2025', { fiscalYearStartMonth: library.manifest.fiscalYearStartMonth }) as Period;
const timezone = library.manifest.timezone;

const ROUNDS = Number(process.env.ROUNDS ?? 7);

/** The fastest of ROUNDS runs, by wall time and by CPU time (other load takes wall time, not CPU time). */
async function best(label: string, once: () => Promise<number>): Promise<void> {
  let wall = Infinity;
  let cpu = Infinity;
  let rows = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const t = performance.now();
    const c = process.cpuUsage();
    rows = await once();
    const used = process.cpuUsage(c);
    if (process.env.ROUND_TRACE) console.log(`round ${round + 1}: ${(performance.now() - t).toFixed(0)} ms`);
    wall = Math.min(wall, performance.now() - t);
    cpu = Math.min(cpu, (used.user + used.system) / 1000);
  }
  const perRow = (ms: number) => ((ms * 1e6) / rows).toFixed(0).padStart(4);
  console.log(`${label.padEnd(34)} wall ${(wall / 1000).toFixed(2)} s ${perRow(wall)} ns a row, CPU ${perRow(cpu)} ns a row`);
}

// --only: one stage alone (decode: scan and decode, no metric reads the rows).
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : null;
if (only !== null && !['scan', 'decode', 'all', 'pieces'].includes(only ?? '')) {
  console.error(`--only takes scan, decode, all or pieces, not ${only ?? 'nothing'}`);
  process.exit(2);
}
if (only === null || only === 'scan') await best('scan only', async () => (await scanCsv(path, { delimiter: ',', displayPath: path }, () => undefined, () => undefined)).records);
if (only === 'decode') {
  await best('scan, decode', async () => {
    const groups = plan.sources.map((sourcePlan) => ({ plan: sourcePlan, timezone, runs: [] }));
    return (await readSourceFile(path, 0, groups, { timezone, onReject: () => undefined })).rows;
  });
}
if (only === null || only === 'all') {
  await best('scan, decode, classify, measure', async () => {
    const groups = plan.sources.map((sourcePlan) => ({ plan: sourcePlan, timezone, runs: [new SourceRun(sourcePlan, period, timezone, () => undefined)] }));
    return (await readSourceFile(path, 0, groups, { timezone, onReject: () => undefined })).rows;
  });
}

// --only pieces: the file read as a worker reads it (4 MiB pieces, each into the source's
// mergeable runs, reset for the piece, its state packed for the merge), all on this thread:
// the cost a row has in a worker, to set against `all`. There is no merge here to hand the
// pieces' key logs back (only keys without a dense id are logged), so those take fresh memory.
if (only === 'pieces') {
  const source = plan.sources.find((s) => s.source.id === 'survey_responses')!;
  const groupPlans = [{ plan: source, periods: [period], timezone }];
  const head = await readSourceHead(path, groupPlans.map((g) => ({ plan: g.plan, timezone, runs: [] })));
  const size = statSync(path).size;
  const handle = await open(path, 'r');
  const points = await splitPoints(handle, head.offset, size, Number(process.env.PIECE_MB ?? 4) * 1024 * 1024, { width: head.header.names.length, delimiter: 44 });
  await handle.close();
  await best(`pieces (${points.length - 1})`, async () => {
    let rows = 0;
    for (let k = 0; k + 1 < points.length; k++) {
      const { done } = await readPiece(groupPlans, { id: k + 1, sourceId: source.source.id, path, fileIndex: 0, range: { header: head.header, start: points[k]!, stop: points[k + 1]! } });
      rows += done.records;
    }
    return rows;
  });
}
