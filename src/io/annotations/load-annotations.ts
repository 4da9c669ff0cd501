import { join } from 'node:path';
import { didYouMean } from '../../core/did-you-mean.js';
import type { Library, MetricDef, TargetDef } from '../../core/library/types.js';
import { parsePeriod } from '../../core/periods/index.js';
import type { Problem } from '../../core/problem.js';
import { nodeFileAccess, type FileAccess } from '../library/file-access.js';
import { validateDefinition, type DefinitionKind } from '../schema/validate-definition.js';
import { locate } from '../yaml/locate.js';
import { parseYaml, type YamlFile } from '../yaml/parse-yaml.js';
import { InputError } from '../../errors.js';
import { displayPath } from '../compute/display-path.js';
import { resolveFindings } from '../library/resolve-findings.js';

export interface LocatedTarget extends TargetDef {
  readonly metric: string;
}

export interface Note {
  readonly metric: string;
  readonly period: string;
  readonly segment: Readonly<Record<string, string>> | null;
  readonly text: string;
  readonly author: string | null;
  readonly file: string;
  readonly line: number;
}

export interface Annotations {
  readonly targets: readonly LocatedTarget[];
  readonly notes: readonly Note[];
  readonly files: ReadonlyMap<string, YamlFile>;
  readonly problems: readonly Problem[];
}

/**
 * Reads the library's targets/ and notes/ folders: files Finance can own apart from
 * the definitions. References to metrics and dimensions that do not exist are problems.
 */
export function loadAnnotations(library: Library, access: FileAccess = nodeFileAccess): Annotations {
  const files = new Map<string, YamlFile>();
  const problems: Problem[] = [];
  const targets: LocatedTarget[] = [];
  const notes: Note[] = [];
  const read = (folder: string, kind: DefinitionKind): { shown: string; items: Record<string, any>[] }[] =>
    access.listFiles(join(library.root, folder)).filter((path) => /\.ya?ml$/i.test(path)).sort().flatMap((path) => {
      const shown = displayPath(path);
      const parsed = parseYaml(shown, access.readFile(path));
      problems.push(...parsed.problems);
      if (!parsed.file) return [];
      files.set(shown, parsed.file);
      const schemaProblems = validateDefinition(kind, shown, parsed.file.data);
      problems.push(...schemaProblems);
      if (schemaProblems.length > 0) return [];
      return [{ shown, items: (parsed.file.data as Record<string, Record<string, any>[]>)[kind]! }];
    });

  const checkReference = (file: string, path: (string | number)[], metricId: string, segment: Record<string, string> | undefined): MetricDef | undefined => {
    const metric = library.metrics.get(metricId);
    if (!metric) {
      problems.push({ code: 'unknown-metric', file, path: [...path, 'metric'], message: `there is no metric '${metricId}'${didYouMean(metricId, library.metrics.keys())}` });
      return undefined;
    }
    for (const dimension of Object.keys(segment ?? {})) {
      if (!metric.dimensions.includes(dimension)) {
        problems.push({ code: 'dimension-not-available', file, path: [...path, 'segment', dimension], at: 'key', message: `${metricId} cannot be segmented by '${dimension}'${didYouMean(dimension, metric.dimensions)}; allowed: ${metric.dimensions.join(', ') || 'none'}` });
      }
    }
    return metric;
  };

  const checkPeriod = (file: string, path: (string | number)[], label: string | undefined): boolean => {
    if (label === undefined) return true;
    const parsed = parsePeriod(label, { fiscalYearStartMonth: library.manifest.fiscalYearStartMonth });
    if (!('error' in parsed)) return true;
    problems.push({ code: 'invalid-period', file, path, message: `'${label}' is not a period: ${parsed.error}` });
    return false;
  };

  for (const { shown, items } of read('targets', 'targets')) {
    items.forEach((t, i) => {
      if (!checkReference(shown, ['targets', i], t.metric, t.segment)) return;
      if (!checkPeriod(shown, ['targets', i, 'from'], t.from) || !checkPeriod(shown, ['targets', i, 'to'], t.to)) return;
      targets.push({ metric: t.metric, value: t.value, from: t.from, to: t.to, segment: t.segment, warningBand: t.warning_band });
    });
  }
  for (const { shown, items } of read('notes', 'notes')) {
    items.forEach((n, i) => {
      if (!checkReference(shown, ['notes', i], n.metric, n.segment)) return;
      if (!checkPeriod(shown, ['notes', i, 'period'], n.period)) return;
      const line = locate(files.get(shown)!, ['notes', i], 'value').line;
      notes.push({ metric: n.metric, period: n.period, segment: n.segment ?? null, text: n.text, author: n.author ?? null, file: shown, line });
    });
  }
  return { targets, notes, files, problems };
}

/** The library with the targets of targets/ files added to their metrics. */
export function withTargets(library: Library, targets: readonly LocatedTarget[]): Library {
  if (targets.length === 0) return library;
  const metrics = new Map(library.metrics);
  for (const target of targets) {
    const metric = metrics.get(target.metric);
    if (metric) metrics.set(target.metric, { ...metric, targets: [...metric.targets, target] });
  }
  return { ...library, metrics };
}

/**
 * Loads targets/ and notes/ and adds the targets to their metrics. A problem in
 * those files stops the run, as a lint error in a definition does.
 */
export function annotateLibrary(library: Library, access?: FileAccess): { library: Library; annotations: Annotations } {
  const annotations = loadAnnotations(library, access);
  const findings = resolveFindings(annotations.problems, annotations.files);
  if (findings.length > 0) {
    const first = findings[0]!;
    throw new InputError(`${first.file}:${first.line}:${first.column}: ${first.message}${findings.length > 1 ? ` (and ${findings.length - 1} more; run 'rmos lint')` : ''}`);
  }
  return { library: withTargets(library, annotations.targets), annotations };
}
