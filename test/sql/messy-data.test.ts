import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { computeWithDuckdb } from '../../src/io/duckdb/compute-with-duckdb.js';
import { builtIn, expectSameMetrics, parametersOf, periodOf, ROOT, standardLibrary } from './engines.js';
import { writeMessyExports } from './messy-data.js';

const LIBRARY = `${ROOT}test/fixtures/sql/library`;
const dir = mkdtempSync(join(tmpdir(), 'rmos-messy-'));
writeMessyExports(dir);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('built-in engine and DuckDB agree on generated messy exports (library in Europe/Berlin)', () => {
  for (const by of [[], ['channel'], ['region']]) {
    it(`2025-07${by.length ? ` by ${by.join(',')}` : ''}`, async () => {
      const library = standardLibrary(LIBRARY);
      const metricIds = [...library.metrics.keys()].filter((id) => library.metrics.get(id)!.status !== 'deprecated');
      const expected = await builtIn({ library: LIBRARY, data: dir, period: '2025-07', by });
      const { results, duplicates } = await computeWithDuckdb({ library, metricIds, by, periods: [periodOf('2025-07')], parameters: parametersOf(library), data: dir, sources: new Map() });
      expectSameMetrics(results[0]!, expected);
      // The data does exercise what it is meant to.
      const nps = expected.find((m) => m.id === 'nps')!;
      expect(nps.accounting.survey_responses!.duplicate).toBeGreaterThan(0);
      expect(nps.accounting.survey_responses!.invalid).toBeGreaterThan(0);
      expect(duplicates).toBeGreaterThan(0);
      const gap = results[0]!.find((m) => m.id === 'nps_gap')!;
      expect(gap.value).not.toBeNull();
      // zero_division is not segmented by region, and shares no channel with the survey: nps_gap has no segment value, and says why.
      if (by.length > 0) expect(gap.segments.length > 0 && gap.segments.every((s) => s.value === null && s.reason === 'no value for zero_division')).toBe(true);
    });
  }
});
