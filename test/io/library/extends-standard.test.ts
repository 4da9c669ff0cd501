import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { standardLibraryDir } from '../../../src/io/library/find-package-root.js';
import { loadLibrary } from '../../../src/io/library/load-library.js';
import { lintLoaded, withTempDir, writeLibrary } from '../../core/lint/lint-library.js';

const MANIFEST = `library: acme
extends: rmos:standard
timezone: Europe/Berlin
parameters:
  gross_margin:
    value: 0.62
    unit: ratio
`;

/** Adds an alias to a standard column and a column of its own. */
const SURVEY_PATCH = `source: survey_responses
patch: true
columns:
  nps_score:
    aliases: [how likely are you to recommend acme]
  plan:
    type: string
`;

/** Replaces the standard nps: same math, test responses not excluded, a team of its own. */
const NPS = `metric: nps
name: Net Promoter Score (Acme)
version: 2.0.0
status: draft
owner: acme-cx
unit: score
direction: higher
source: survey_responses
measures:
  responses: { aggregate: count, column: nps_score }
  promoters: { aggregate: count, column: nps_score, where: nps_score >= 9 }
  detractors: { aggregate: count, column: nps_score, where: nps_score <= 6 }
formula: 100 * (promoters - detractors) / responses
dimensions: [region, plan]
changelog:
  - { version: 2.0.0, date: 2025-03-01, change: Acme counts test responses. }
`;

/** A new metric over the standard sources, using the overridden parameter. */
const GROSS_PROFIT = `metric: won_gross_profit
name: Won gross profit
version: 1.0.0
status: draft
owner: acme-finance
unit: currency
direction: higher
measures:
  won:
    source: opportunities
    aggregate: sum
    column: amount
    where: stage == "closed_won"
formula: won * gross_margin
changelog:
  - { version: 1.0.0, date: 2025-03-01, change: First. }
`;

function loadAcme<T>(fn: (loaded: ReturnType<typeof loadLibrary>) => T): T {
  return withTempDir((dir) => {
    writeLibrary(dir, {
      manifest: MANIFEST,
      sources: { 'survey_responses.yaml': SURVEY_PATCH },
      metrics: { 'nps.yaml': NPS, 'won_gross_profit.yaml': GROSS_PROFIT },
    });
    return fn(loadLibrary(dir, dir));
  });
}

describe('a user library that extends rmos:standard', () => {
  it('lints clean', () => {
    loadAcme((loaded) => expect(lintLoaded(loaded)).toEqual([]));
  });

  it('overrides a parameter and keeps its own manifest settings', () => {
    loadAcme(({ library }) => {
      expect(library.manifest).toMatchObject({ name: 'acme', timezone: 'Europe/Berlin', extends: 'rmos:standard' });
      expect(library.parameters.get('gross_margin')).toMatchObject({ value: 0.62, file: 'rmos.yaml' });
    });
  });

  it('patches a standard source: the alias is appended, standard columns and settings are kept', () => {
    loadAcme(({ library }) => {
      const survey = library.sources.get('survey_responses')!;
      const nps = survey.columns.get('nps_score')!;
      expect(nps.aliases).toEqual(['nps', 'likelihood to recommend', 'recommend score', 'how likely are you to recommend acme']);
      expect(nps).toMatchObject({ type: 'integer', min: 0, max: 10 });
      expect([...survey.columns.keys()]).toEqual([
        'response_id', 'submitted_at', 'channel', 'region', 'segment', 'nps_score', 'csat_score', 'ces_score', 'comment', 'is_test', 'plan',
      ]);
      expect(survey).toMatchObject({ timeColumn: 'submitted_at', key: 'response_id', file: 'sources/survey_responses.yaml' });
      expect(survey.columns.get('response_id')).toMatchObject({ required: true, aliases: ['id', 'response', 'responseid'] });
    });
  });

  it('replaces a standard metric and adds its own, keeping the other standard metrics', () => {
    loadAcme(({ library }) => {
      expect([...library.metrics.keys()].sort()).toEqual(['cac_payback', 'ces', 'csat', 'fcr', 'nps', 'romi', 'won_gross_profit']);
      expect(library.metrics.get('nps')).toMatchObject({ name: 'Net Promoter Score (Acme)', version: '2.0.0', file: 'metrics/nps.yaml', exclusions: new Map() });
      expect(library.metrics.get('won_gross_profit')?.file).toBe('metrics/won_gross_profit.yaml');
      expect(library.metrics.get('csat')?.file).toMatch(/metrics\/metrics\/csat\.yaml$/);
      expect([...library.ownFiles]).toEqual(['rmos.yaml', 'sources/survey_responses.yaml', 'metrics/nps.yaml', 'metrics/won_gross_profit.yaml']);
    });
  });

  it('does not change the standard library on disk', () => {
    loadAcme(() => {
      expect(readFileSync(join(standardLibraryDir(), 'rmos.yaml'), 'utf8')).toContain('value: 0.8');
    });
  });
});
