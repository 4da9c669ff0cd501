import { describe, expect, it } from 'vitest';
import { RULES } from '../../../src/core/lint/rules/index.js';
import { summarize } from '../../../src/report/lint/index.js';
import { formatSarif } from '../../../src/report/lint/format-sarif.js';
import { finding, OPTIONS, REPORT } from './sample-report.js';

type Sarif = any;

describe('sarif format', () => {
  it('is SARIF 2.1.0 with one run and rmos as the driver', () => {
    const sarif = JSON.parse(formatSarif(REPORT, OPTIONS)) as Sarif;
    expect(sarif.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs).toHaveLength(1);
    expect(sarif.runs[0].tool.driver.name).toBe('rmos');
    expect(sarif.runs[0].tool.driver.version).toBe('9.9.9');
  });

  it('describes each code used once, from the rule registry, sorted, and points results at them', () => {
    const sarif = JSON.parse(formatSarif(REPORT, OPTIONS)) as Sarif;
    const { rules } = sarif.runs[0].tool.driver;
    const unused = RULES.find((r) => r.code === 'unused-measure')!;
    expect(rules).toEqual([
      expect.objectContaining({ id: 'unknown-identifier', name: 'UnknownIdentifier', defaultConfiguration: { level: 'error' } }),
      {
        id: 'unused-measure',
        name: 'UnusedMeasure',
        shortDescription: { text: unused.description },
        fullDescription: { text: unused.description },
        defaultConfiguration: { level: 'warning' },
      },
    ]);
    expect(sarif.runs[0].results.map((r: Sarif) => [r.ruleId, r.ruleIndex, r.level])).toEqual([
      ['unknown-identifier', 0, 'error'],
      ['unused-measure', 1, 'warning'],
    ]);
  });

  it('places a result with a relative, percent-encoded URI under %SRCROOT% and its region', () => {
    const sarif = JSON.parse(formatSarif(REPORT, OPTIONS)) as Sarif;
    expect(sarif.runs[0].results[0]).toEqual({
      ruleId: 'unknown-identifier',
      ruleIndex: 0,
      level: 'error',
      message: { text: 'a, b: 100% done\r\nnext <line> & "quotes"' },
      locations: [{ physicalLocation: { artifactLocation: { uri: 'lib/metrics/a.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 15, startColumn: 26, endLine: 15, endColumn: 32 } } }],
    });
    expect(sarif.runs[0].results[1].locations[0].physicalLocation.artifactLocation.uri).toBe('lib/metrics/b%2Cc.yaml');
  });

  it('uses forward slashes, drops a point region end, and describes loader codes from its own table', () => {
    const report = summarize('t', [finding({ code: 'yaml-duplicate-key', file: 'lib\\rmos.yaml', line: 3, column: 1, endLine: 3, endColumn: 1 })], 1);
    const sarif = JSON.parse(formatSarif(report, OPTIONS)) as Sarif;
    const location = sarif.runs[0].results[0].locations[0].physicalLocation;
    expect(location.artifactLocation.uri).toBe('lib/rmos.yaml');
    expect(location.region).toEqual({ startLine: 3, startColumn: 1 });
    expect(sarif.runs[0].tool.driver.rules[0].shortDescription.text).toBe('A key appears twice in the same YAML mapping.');
  });

  it('has no rules and no results for a clean library', () => {
    const sarif = JSON.parse(formatSarif(summarize('t', [], 2), OPTIONS)) as Sarif;
    expect(sarif.runs[0].results).toEqual([]);
    expect(sarif.runs[0].tool.driver.rules).toEqual([]);
  });
});
