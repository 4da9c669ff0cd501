import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parsePeriod } from '../../core/periods/index.js';
import type { ComputeReport, ReportMetric } from '../../report/compute/report.js';
import type { VerifyOutcome, VerifyMetric } from '../../report/verify/verify-report.js';
import { runCompute } from '../compute/run-compute.js';
import { sha256File } from '../data/hash-file.js';
import { libraryRevision } from '../git/library-revision.js';
import { loadLibrary } from '../library/load-library.js';
import { readSavedReport } from './read-saved-report.js';

export interface VerifyRequest {
  readonly report: string;
  /** Where the inputs are now, when not at the recorded paths: files are found by name. */
  readonly data?: string;
  /** The library folder, when not at the recorded path. */
  readonly library?: string;
}

function sameNumber(a: number | null, b: number | null): boolean {
  return a === b || (a !== null && b !== null && Object.is(a, b));
}

/**
 * Re-derives a saved report from its recorded inputs and definitions, and says per
 * metric whether it reproduces exactly; if not, whether an input file, a definition
 * or only the value changed.
 */
export async function runVerify(request: VerifyRequest): Promise<VerifyOutcome> {
  const saved: ComputeReport = readSavedReport(request.report);
  const libraryDir = request.library ?? saved.library.path;
  const loaded = loadLibrary(libraryDir);
  const revision = libraryRevision(loaded.library.root);

  const inputProblems: { source: string; message: string }[] = [];
  const files = new Map<string, string[]>();
  for (const input of saved.inputs) {
    const list: string[] = [];
    for (const file of input.files) {
      const path = request.data ? join(request.data, input.source, basename(file.path)) : file.path;
      const found = existsSync(path) ? path : request.data && existsSync(join(request.data, basename(file.path))) ? join(request.data, basename(file.path)) : undefined;
      if (!found) {
        inputProblems.push({ source: input.source, message: `input missing: ${file.path} no longer exists${request.data ? ` (nor under ${request.data})` : ''}` });
        continue;
      }
      // The hash first: a file that is not the recorded one is never read as data.
      const sha = await sha256File(found);
      if (sha !== file.sha256) inputProblems.push({ source: input.source, message: `input changed: ${found} (sha256 ${file.sha256.slice(0, 12)} recorded, ${sha.slice(0, 12)} now)` });
      list.push(found);
    }
    files.set(input.source, list);
  }

  // Only metrics whose inputs are all as recorded can be re-derived; the others do not
  // reproduce, for the reason their inputs give.
  const changedSources = new Set(inputProblems.map((p) => p.source));
  const computable = saved.metrics.filter((m) => !Object.keys(m.accounting ?? {}).some((s) => changedSources.has(s)));
  const fiscalYearStartMonth = loaded.library.manifest.fiscalYearStartMonth;
  const labelled = !('error' in parsePeriod(saved.period.label, { fiscalYearStartMonth }));
  const outcome = computable.length === 0 ? undefined : await runCompute({
    library: libraryDir,
    sources: new Map(),
    files,
    ...(labelled ? { period: saved.period.label } : { from: saved.period.start, to: saved.period.end }),
    by: saved.dimensions ?? [],
    metrics: computable.map((m) => m.id),
    params: new Map(Object.entries(saved.parameters ?? {})),
    onReject: () => undefined,
  });

  const now = new Map((outcome?.report.metrics ?? []).map((m) => [m.id, m]));
  const metrics: VerifyMetric[] = saved.metrics.map((before: ReportMetric) => {
    const sourcesRead = Object.keys(before.accounting ?? {});
    const inputs = inputProblems.filter((p) => sourcesRead.includes(p.source)).map((p) => p.message);
    const after = now.get(before.id);
    if (!after) return { id: before.id, reproduces: false, recorded: before.value, now: null, reasons: inputs };
    const reasons: string[] = [];
    if (after.fingerprint !== before.fingerprint) {
      reasons.push(`definition changed: fingerprint ${before.fingerprint} recorded, ${after.fingerprint} now (version ${before.version}${after.version !== before.version ? ` → ${after.version}` : ', not bumped'})`);
    }
    const valueSame = sameNumber(before.value, after.value) && before.n === after.n;
    const segmentsSame = JSON.stringify(before.segments.map((s) => [s.dimensions, s.value, s.n])) === JSON.stringify(after.segments.map((s) => [s.dimensions, s.value, s.n]));
    if (!valueSame) reasons.push(`value differs: ${before.value} (n ${before.n}) recorded, ${after.value} (n ${after.n}) now`);
    else if (!segmentsSame) reasons.push('segment values differ');
    return { id: before.id, reproduces: reasons.length === 0, recorded: before.value, now: after.value, reasons };
  });
  return {
    report: request.report,
    library: { path: libraryDir, revision_recorded: saved.library.revision, revision_now: revision.revision, dirty_now: revision.dirty },
    inputs: inputProblems.map((p) => p.message),
    metrics,
  };
}
