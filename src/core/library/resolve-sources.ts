import type { ExclusionDef, Library, MeasureDef, MetricDef, SourceDef } from './types.js';

/** The source a measure reads: its own, else the metric's. */
export function measureSourceId(metric: MetricDef, measure: MeasureDef): string | undefined {
  return measure.source ?? metric.source;
}

export function exclusionSourceId(metric: MetricDef, exclusion: ExclusionDef): string | undefined {
  return exclusion.source ?? metric.source;
}

/** Every source a metric reads through its measures, in first-use order. */
export function metricSourceIds(metric: MetricDef): string[] {
  const ids: string[] = [];
  for (const measure of metric.measures.values()) {
    const id = measureSourceId(metric, measure);
    if (id && !ids.includes(id)) ids.push(id);
  }
  return ids;
}

export function metricSources(library: Library, metric: MetricDef): SourceDef[] {
  return metricSourceIds(metric).flatMap((id) => {
    const source = library.sources.get(id);
    return source ? [source] : [];
  });
}

/** The column that places a measure's rows in a period. */
export function measureTimeColumn(metric: MetricDef, measure: MeasureDef, source: SourceDef | undefined): string | undefined {
  return measure.timeColumn ?? source?.timeColumn;
}
