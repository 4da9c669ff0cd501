import type {
  ColumnDef, Dialect, ExclusionDef, IntervalDef, Manifest, MeasureDef, MetricDef, Parameter, SourceDef, TargetDef,
} from './types.js';

/* Converts schema-valid plain data (snake_case YAML) into the in-memory definitions. */

type Raw = Record<string, any>;

export function toManifest(raw: Raw, file: string): Manifest {
  return {
    name: raw.library,
    description: raw.description,
    extends: raw.extends,
    timezone: raw.timezone ?? 'UTC',
    fiscalYearStartMonth: raw.fiscal_year_start_month ?? 1,
    file,
  };
}

export function toParameters(raw: Raw, file: string): Parameter[] {
  return Object.entries((raw.parameters ?? {}) as Record<string, Raw>).map(([name, p]) => ({
    name,
    value: p.value,
    description: p.description,
    unit: p.unit,
    file,
  }));
}

export function toColumn(name: string, raw: Raw): ColumnDef {
  return {
    name,
    type: raw.type ?? 'string',
    required: raw.required ?? false,
    aliases: raw.aliases ?? [],
    description: raw.description,
    min: raw.min,
    max: raw.max,
    values: raw.values,
  };
}

export function toDialect(raw: Raw | undefined): Dialect {
  return {
    delimiter: raw?.delimiter ?? 'auto',
    decimal: raw?.decimal ?? 'auto',
    dateFormat: raw?.date_format,
    timestampFormat: raw?.timestamp_format,
    missingValues: raw?.missing_values,
  };
}

export function toSource(raw: Raw, file: string): SourceDef {
  const columns = new Map<string, ColumnDef>();
  for (const [name, column] of Object.entries((raw.columns ?? {}) as Record<string, Raw>)) columns.set(name, toColumn(name, column));
  return {
    id: raw.source,
    name: raw.name,
    description: raw.description,
    timeColumn: raw.time_column,
    key: raw.key,
    onDuplicate: raw.on_duplicate ?? 'keep_first',
    dialect: toDialect(raw.dialect),
    columns,
    file,
  };
}

/** Applies a `patch: true` source file onto the inherited source of the same id. */
export function patchSource(base: SourceDef, raw: Raw, file: string): SourceDef {
  const columns = new Map(base.columns);
  for (const [name, patch] of Object.entries((raw.columns ?? {}) as Record<string, Raw>)) {
    const old = columns.get(name);
    if (!old) {
      columns.set(name, toColumn(name, patch));
      continue;
    }
    columns.set(name, {
      ...old,
      ...toColumnPatch(patch),
      aliases: [...old.aliases, ...((patch.aliases as string[] | undefined) ?? [])],
    });
  }
  const dialectPatch = toDialect(raw.dialect);
  const dialect: Dialect = {
    delimiter: raw.dialect?.delimiter !== undefined ? dialectPatch.delimiter : base.dialect.delimiter,
    decimal: raw.dialect?.decimal !== undefined ? dialectPatch.decimal : base.dialect.decimal,
    dateFormat: dialectPatch.dateFormat ?? base.dialect.dateFormat,
    timestampFormat: dialectPatch.timestampFormat ?? base.dialect.timestampFormat,
    missingValues: dialectPatch.missingValues ?? base.dialect.missingValues,
  };
  return {
    ...base,
    name: raw.name ?? base.name,
    description: raw.description ?? base.description,
    timeColumn: raw.time_column ?? base.timeColumn,
    key: raw.key ?? base.key,
    onDuplicate: raw.on_duplicate ?? base.onDuplicate,
    dialect,
    columns,
    file,
  };
}

function toColumnPatch(raw: Raw): Partial<ColumnDef> {
  const patch: Record<string, unknown> = {};
  for (const [key, field] of [['type', 'type'], ['required', 'required'], ['description', 'description'], ['min', 'min'], ['max', 'max'], ['values', 'values']] as const) {
    if (raw[key] !== undefined) patch[field] = raw[key];
  }
  return patch as Partial<ColumnDef>;
}

function toInterval(raw: Raw | undefined): IntervalDef | undefined {
  if (!raw) return undefined;
  switch (raw.method) {
    case 'trinomial':
      return { method: 'trinomial', promoters: raw.promoters, detractors: raw.detractors, total: raw.total, scale: raw.scale ?? 100 };
    case 'wilson':
      return { method: 'wilson', successes: raw.successes, total: raw.total, scale: raw.scale ?? 100 };
    default:
      return { method: 't', mean: raw.mean };
  }
}

export function toMetric(raw: Raw, file: string): MetricDef {
  const measures = new Map<string, MeasureDef>();
  for (const [name, m] of Object.entries((raw.measures ?? {}) as Record<string, Raw>)) {
    measures.set(name, {
      name,
      description: m.description,
      aggregate: m.aggregate,
      column: m.column,
      where: m.where,
      source: m.source,
      timeColumn: m.time_column,
      p: m.p,
    });
  }
  const exclusions = new Map<string, ExclusionDef>();
  for (const [name, e] of Object.entries((raw.exclusions ?? {}) as Record<string, Raw>)) {
    exclusions.set(name, { name, where: e.where, reason: e.reason, source: e.source });
  }
  return {
    id: raw.metric,
    name: raw.name,
    description: raw.description,
    version: raw.version,
    status: raw.status,
    owner: raw.owner,
    approvers: raw.approvers ?? [],
    unit: raw.unit,
    direction: raw.direction,
    source: raw.source,
    measures,
    formula: String(raw.formula),
    sample: raw.sample,
    weight: raw.weight,
    minSample: raw.min_sample,
    interval: toInterval(raw.interval),
    dimensions: raw.dimensions ?? [],
    exclusions,
    tolerance: raw.tolerance,
    targets: ((raw.targets ?? []) as Raw[]).map((t): TargetDef => ({ value: t.value, from: t.from, to: t.to, segment: t.segment, warningBand: t.warning_band })),
    changelog: ((raw.changelog ?? []) as Raw[]).map((c) => ({ version: c.version, date: c.date, author: c.author, change: c.change })),
    file,
  };
}
