import type { Scalar } from '../expression/runtime.js';
import type { KeyCell } from './key-cell.js';
import type { Accumulator } from './accumulators.js';
import type { Accounting } from './accounting.js';
import type { MetricSourcePlan } from './plan.js';
import type { RowLocation } from './source-run.js';

/** Where a row stands against the period. */
export const OUT = 0;
export const IN = 1;
export const UNKNOWN = 2;

/** What one metric reading the source brings to the generated code. */
export interface ConsumeTask {
  readonly plan: MetricSourcePlan;
  readonly accounting: Accounting;
  readonly overall: readonly Accumulator[];
  /** The metric's segment with a number from `index` (only called when the plan has dimension slots). */
  readonly segments: { segmentAt(index: number, values: readonly Scalar[]): { used: number; readonly measures: Accumulator[] } };
  /** Numbers the row's combination of dimension values; metrics with the same dimensions share one (null: not segmented). */
  readonly index: { index(values: readonly Scalar[]): number } | null;
}

/**
 * The source's run, called through its methods: a method is the same function for every run
 * (a parallel worker's runs for each source, the main thread's for the file), so the engine
 * keeps inlining it, where a new closure per run would turn its call site megamorphic.
 */
export interface ConsumeHost {
  /** OUT, IN or UNKNOWN for the row's value in the time column `slot`. */
  place(values: readonly Scalar[], invalid: Uint8Array, slot: number, isDate: boolean): number;
  /** Records the row's key; true when it repeats an earlier row's (a duplicate). */
  checkKey(key: KeyCell, at: RowLocation): boolean;
}

export interface ConsumeParts {
  readonly host: ConsumeHost;
  readonly tasks: readonly ConsumeTask[];
}

/** Classifies and measures one decoded row for every metric; true when some metric counted it invalid. */
export type Consume = (values: readonly Scalar[], invalid: Uint8Array, ragged: boolean, at: RowLocation, key: KeyCell) => boolean;

/**
 * The per-row work of every metric reading a source, generated as straight-line code: the
 * classification of accounting.ts in its order (out of period, duplicate, excluded, missing or
 * invalid time, invalid value, all values missing, used) and each measure's condition and
 * accumulator. Every condition and accumulator then has a call site of its own that sees one
 * function (a direct call, inlined within V8's budget), where a loop over metrics and measures
 * calls them all from one megamorphic site.
 * The code holds slot numbers and indexes only: names and conditions are passed in as values.
 */
export function compileConsume(parts: ConsumeParts): Consume {
  const { tasks } = parts;
  const args: Record<string, unknown> = { host: parts.host };
  const code: string[] = ['return function consume(values, invalid, ragged, at, key) {'];

  code.push('  if (ragged) {');
  tasks.forEach((_, t) => code.push(`    a${t}.read++; a${t}.invalid++;`));
  code.push(`    return ${tasks.length > 0};`, '  }');

  // Metrics of one source mostly share its time column: the row is placed once per column.
  const placeOf = new Map<number, string>();
  for (const { plan } of tasks) {
    if (placeOf.has(plan.timeSlot)) continue;
    const name = `t${placeOf.size}`;
    placeOf.set(plan.timeSlot, name);
    code.push(`  const ${name} = host.place(values, invalid, ${plan.timeSlot}, ${plan.timeType === 'date'});`);
  }
  // The row's segment number, per index shared by metrics with the same dimensions: looked up
  // once, by the first metric that uses the row.
  const indexName = new Map<unknown, string>();
  for (const task of tasks) {
    if (task.index === null || indexName.has(task.index)) continue;
    const name = `k${indexName.size}`;
    indexName.set(task.index, name);
    args[`i${name}`] = task.index;
    code.push(`  let ${name} = -1;`);
  }
  const inPlay = [...placeOf.values()].map((name) => `${name} !== ${OUT}`).join(' || ') || 'false';
  code.push(`  const duplicate = (${inPlay}) && key.present && host.checkKey(key, at);`, '  let countedInvalid = false;');

  tasks.forEach((task, t) => {
    const { plan } = task;
    const a = `a${t}`;
    const placed = placeOf.get(plan.timeSlot)!;
    args[a] = task.accounting;
    args[`e${t}`] = task.accounting.excluded;
    args[`s${t}`] = task.segments;
    code.push(`  ${a}.read++;`, `  if (${placed} === ${OUT}) ${a}.out_of_period++;`, `  else if (duplicate) ${a}.duplicate++;`);
    plan.exclusions.forEach((exclusion, x) => {
      args[`x${t}_${x}`] = exclusion.test;
      args[`xn${t}_${x}`] = exclusion.name;
      code.push(`  else if (x${t}_${x}(values)) e${t}[xn${t}_${x}]++;`);
    });
    code.push(
      `  else if (${placed} === ${UNKNOWN}) {`,
      `    if (invalid[${plan.timeSlot}] === 1) { ${a}.invalid++; countedInvalid = true; }`,
      `    else ${a}.missing++;`,
      '  }',
    );
    if (plan.readSlots.length > 0) code.push(`  else if (${plan.readSlots.map((s) => `invalid[${s}] === 1`).join(' || ')}) { ${a}.invalid++; countedInvalid = true; }`);
    if (plan.valueSlots.length > 0) code.push(`  else if (${plan.valueSlots.map((s) => `values[${s}] === null`).join(' && ')}) ${a}.missing++;`);
    code.push('  else {', `    ${a}.used++;`);
    const segmented = plan.dimensionSlots.length > 0;
    if (segmented) {
      const k = indexName.get(task.index)!;
      code.push(`    if (${k} < 0) ${k} = i${k}.index(values);`, `    const g${t} = s${t}.segmentAt(${k}, values);`, `    g${t}.used++;`, `    const m${t} = g${t}.measures;`);
    }
    // The accumulators are read from their array, so that a run reset for another piece can put new ones there.
    args[`o${t}`] = task.overall;
    plan.measures.forEach((measure, i) => {
      const o = `o${t}[${i}]`;
      const value = measure.slot >= 0 ? `values[${measure.slot}]` : '1';
      const add = `${o}.add(${value});${segmented ? ` m${t}[${i}].add(${value});` : ''}`;
      if (measure.where === undefined) code.push(`    ${add}`);
      else {
        args[`w${t}_${i}`] = measure.where;
        code.push(`    if (w${t}_${i}(values)) { ${add} }`);
      }
    });
    code.push('  }');
  });
  code.push('  return countedInvalid;', '};');
  const names = Object.keys(args);
  const make = new Function(...names, code.join('\n')) as (...values: unknown[]) => Consume;
  return make(...names.map((name) => args[name]));
}
