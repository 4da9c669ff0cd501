import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAccumulator, type Accumulator } from '../../../src/core/compute/accumulators.js';
import { emptyAccounting, type Accounting } from '../../../src/core/compute/accounting.js';
import { compileConsume, IN, OUT, UNKNOWN, type ConsumeTask } from '../../../src/core/compute/compile-consume.js';
import { KeyCell } from '../../../src/core/compute/key-cell.js';
import type { MetricSourcePlan } from '../../../src/core/compute/plan.js';
import { SegmentIndex } from '../../../src/core/compute/source-run.js';
import type { Scalar } from '../../../src/core/expression/runtime.js';

// Slots: 0 and 1 are time columns (a number: the day), 2 and 3 scores, 4 a flag, 5 a dimension.
const period = { start: 10, end: 19 };
const placeOf = (values: readonly Scalar[], invalid: Uint8Array, slot: number): number =>
  values[slot] === null || invalid[slot] === 1 ? UNKNOWN : (values[slot] as number) >= period.start && (values[slot] as number) <= period.end ? IN : OUT;

function plan(metricId: string, timeSlot: number, exclusions: MetricSourcePlan['exclusions'], dimensionSlots: number[]): MetricSourcePlan {
  return {
    metricId,
    sourceId: 's',
    timeSlot,
    timeType: 'date',
    exclusions,
    readSlots: [timeSlot, 2, 3, 4],
    valueSlots: [2, 3],
    dimensions: dimensionSlots.map(String),
    dimensionSlots,
    measures: [
      { name: 'rows', aggregate: 'count', slot: -1 },
      { name: 'high', aggregate: 'count', slot: 2, where: (v) => v[2] !== null && (v[2] as number) >= 9 },
      { name: 'total', aggregate: 'sum', slot: 3 },
    ],
  };
}

// An exclusion name that would break generated code if it were pasted into it.
const oddName = "it's \"odd\"\n}); throw 1; ({";
const plans = [
  plan('a', 0, [{ name: 'flagged', test: (v) => v[4] === true }], [5]),
  plan('b', 1, [{ name: oddName, test: (v) => v[2] === 0 }, { name: 'flagged', test: (v) => v[4] === true }], []),
  plan('c', 0, [], [5]),
];

interface Run {
  readonly accounting: Accounting;
  readonly overall: Accumulator[];
  readonly segments: Map<Scalar, { used: number; measures: Accumulator[] }>;
}

const newRun = (p: MetricSourcePlan): Run => ({
  accounting: emptyAccounting(p.exclusions.map((e) => e.name)),
  overall: p.measures.map((m) => createAccumulator(m.aggregate, m.slot >= 0)),
  segments: new Map(),
});

const segmentOf = (run: Run, values: readonly Scalar[]) => {
  let s = run.segments.get(values[5]!);
  if (s === undefined) {
    s = { used: 0, measures: plans[0]!.measures.map((m) => createAccumulator(m.aggregate, m.slot >= 0)) };
    run.segments.set(values[5]!, s);
  }
  return s;
};

/** Metrics segmented by the same dimension share one index, as SourceRun gives them. */
let shared = new SegmentIndex([5]);
const indexFor = (p: MetricSourcePlan) => (p.dimensionSlots.length > 0 ? shared : null);

/** The classification of accounting.ts, written as plainly as possible: what the generated code must do. */
function reference(runs: Run[], values: Scalar[], invalid: Uint8Array, ragged: boolean, duplicate: boolean): boolean {
  let countedInvalid = false;
  plans.forEach((p, t) => {
    const a = runs[t]!.accounting;
    a.read++;
    if (ragged) {
      a.invalid++;
      countedInvalid = true;
      return;
    }
    const placed = placeOf(values, invalid, p.timeSlot);
    if (placed === OUT) return void a.out_of_period++;
    if (duplicate) return void a.duplicate++;
    const exclusion = p.exclusions.find((e) => e.test(values));
    if (exclusion) return void a.excluded[exclusion.name]!++;
    if (placed === UNKNOWN) {
      if (invalid[p.timeSlot] === 1) {
        a.invalid++;
        countedInvalid = true;
      } else a.missing++;
      return;
    }
    if (p.readSlots.some((s) => invalid[s] === 1)) {
      a.invalid++;
      countedInvalid = true;
      return;
    }
    if (p.valueSlots.every((s) => values[s] === null)) return void a.missing++;
    a.used++;
    const segment = p.dimensionSlots.length > 0 ? segmentOf(runs[t]!, values) : null;
    if (segment) segment.used++;
    p.measures.forEach((m, i) => {
      if (m.where && !m.where(values)) return;
      const value = m.slot >= 0 ? values[m.slot]! : 1;
      runs[t]!.overall[i]!.add(value);
      segment?.measures[i]!.add(value);
    });
  });
  return countedInvalid;
}

const day = fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 30 }));
const score = fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 10 }));
const row = fc.record({
  values: fc.tuple(day, day, score, score, fc.boolean(), fc.constantFrom('EMEA', 'APAC', null)),
  invalid: fc.array(fc.integer({ min: 0, max: 9 }).map((n) => (n === 0 ? 1 : 0)), { minLength: 6, maxLength: 6 }),
  ragged: fc.integer({ min: 0, max: 19 }).map((n) => n === 0),
  key: fc.option(fc.integer({ min: 0, max: 40 }), { nil: null }),
});

describe('compileConsume', () => {
  it('classifies and measures every row as the plain reference does, for metrics on two time columns', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 60 }), (rows) => {
        shared = new SegmentIndex([5]);
        // The number the shared index gives a row must stand for its region, for every metric.
        const regionOf = new Map<number, Scalar>();
        const numbered = (i: number, v: readonly Scalar[]) => {
          if (!regionOf.has(i)) regionOf.set(i, v[5]!);
          expect(regionOf.get(i)).toBe(v[5]);
          return v;
        };
        const mine = plans.map(newRun);
        const theirs = plans.map(newRun);
        const seen = new Set<number>();
        const seenByReference = new Set<number>();
        const consume = compileConsume({
          tasks: plans.map((p, t): ConsumeTask => ({ plan: p, accounting: mine[t]!.accounting, overall: mine[t]!.overall, segments: { segmentAt: (i, v) => segmentOf(mine[t]!, numbered(i, v)) }, index: indexFor(p) })),
          host: { place: (values, invalid, slot) => placeOf(values, invalid, slot), checkKey: (key) => seen.has(key.id) || (seen.add(key.id), false) },
        });
        const key = new KeyCell();
        for (const r of rows) {
          const values = [...r.values] as Scalar[];
          const invalid = Uint8Array.from(r.invalid);
          key.present = r.key !== null;
          key.id = r.key ?? -1;
          // Keys count only for rows some metric may use (in the period or not placed), and never for ragged rows.
          const inPlay = [0, 1].some((slot) => placeOf(values, invalid, slot) !== OUT);
          const duplicate = !r.ragged && inPlay && r.key !== null && (seenByReference.has(r.key) || (seenByReference.add(r.key), false));
          expect(consume(values, invalid, r.ragged, { file: 0, line: 2 }, key)).toBe(reference(theirs, values, invalid, r.ragged, duplicate));
        }
        const state = (runs: Run[]) =>
          runs.map((run) => ({ accounting: run.accounting, overall: run.overall.map((a) => a.value()), segments: [...run.segments].map(([k, s]) => [k, s.used, s.measures.map((a) => a.value())]) }));
        expect(state(mine)).toEqual(state(theirs));
      }),
      { numRuns: 300 },
    );
  });

  it('counts a row excluded under a name that is not valid code', () => {
    const runs = plans.map(newRun);
    const consume = compileConsume({
      tasks: plans.map((p, t): ConsumeTask => ({ plan: p, accounting: runs[t]!.accounting, overall: runs[t]!.overall, segments: { segmentAt: (_i, v) => segmentOf(runs[t]!, v) }, index: indexFor(p) })),
      host: { place: (values, invalid, slot) => placeOf(values, invalid, slot), checkKey: () => false },
    });
    consume([12, 12, 0, 5, false, 'EMEA'], new Uint8Array(6), false, { file: 0, line: 2 }, new KeyCell());
    expect(runs[1]!.accounting.excluded).toEqual({ [oddName]: 1, flagged: 0 });
    expect(runs[0]!.accounting.used).toBe(1);
  });

  it('compiles a source no metric reads', () => {
    const consume = compileConsume({ tasks: [], host: { place: () => IN, checkKey: () => false } });
    expect(consume([], new Uint8Array(0), true, { file: 0, line: 2 }, new KeyCell())).toBe(false);
  });
});
