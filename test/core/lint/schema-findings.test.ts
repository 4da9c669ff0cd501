import { describe, expect, it } from 'vitest';
import { expectFindings, lintLibrary, metric, RESPONSES } from './lint-library.js';

/** Lints one metric file `m.yaml` next to the helper's manifest and source. */
const lintMetric = (text: string) => lintLibrary({ metrics: { 'm.yaml': text } });

const NPS_LIKE = `metric: m
name: M
version: 1.0.0
status: draft
owner: team
unit: score
direction: higher
source: responses
measures:
  responses:
    aggregate: count
  promoters:
    aggregate: counts
    where: score >= 9
formula: 100 * promoters / responses
changelog:
  - version: 1.0.0
    date: 2025-01-01
    change: First.
`;

describe('schema findings', () => {
  describe('schema-required', () => {
    it('a missing top-level key is reported at the start of the document', () => {
      expectFindings(lintMetric(metric('m').replace('formula: total\n', '')), 'schema-required', [
        { line: 1, column: 1, message: "the metric is missing the required key 'formula'" },
      ]);
    });

    it('a missing nested key is reported on the key of the object that lacks it', () => {
      expectFindings(lintMetric(metric('m').replace('    aggregate: count\n', '    column: score\n')), 'schema-required', [
        { line: 10, column: 3, message: "'measures.total' is missing the required key 'aggregate'" },
      ]);
    });

    it('an interval method names the keys it needs', () => {
      const text = metric('m', 'total', 'interval:\n  method: trinomial\n  promoters: total\n  total: total\n');
      expectFindings(lintMetric(text), 'schema-required', [{ line: 17, column: 1, message: "'interval' is missing the required key 'detractors'" }]);
    });
  });

  describe('schema-unknown-key', () => {
    // The "(did you mean ...)" suffix is not asserted: validate-definition.ts builds ajv without
    // `verbose: true`, so error.parentSchema is undefined and no suggestion is ever made (reported).
    it('an unknown top-level key, on the key', () => {
      const findings = lintMetric(metric('m').replace('formula: total', 'formual: total'));
      expectFindings(findings, 'schema-unknown-key', [{ line: 12, column: 1, message: /^unknown key 'formual'/ }]);
      expectFindings(findings, 'schema-required', [{ line: 1, column: 1, message: "the metric is missing the required key 'formula'" }]);
    });

    it('an unknown key inside a measure names where it is', () => {
      const findings = lintMetric(metric('m').replace('    aggregate: count\n', '    aggregate: count\n    colunm: score\n'));
      expectFindings(findings, 'schema-unknown-key', [{ line: 12, column: 5, message: /^unknown key 'colunm' in 'measures\.total'/ }]);
    });

    it('an unknown key with nothing close gets no suggestion', () => {
      expectFindings(lintMetric(metric('m', 'total', 'colour: blue\n')), 'schema-unknown-key', [{ line: 17, column: 1, message: "unknown key 'colour'" }]);
    });
  });

  describe('schema-enum', () => {
    it('a status that is not one of the allowed words, with a suggestion', () => {
      expectFindings(lintMetric(metric('m').replace('status: draft', 'status: aproved')), 'schema-enum', [
        { line: 4, column: 9, message: `'status' is "aproved"; expected one of draft, approved, deprecated (did you mean 'approved'?)` },
      ]);
    });

    it('three levels deep (measures.promoters.aggregate), at the exact value rather than the top of the object', () => {
      const findings = lintMetric(NPS_LIKE);
      expectFindings(findings, 'schema-enum', [
        {
          line: 13,
          column: 16,
          message: `'measures.promoters.aggregate' is "counts"; expected one of count, count_distinct, sum, avg, min, max, median, percentile (did you mean 'count'?)`,
        },
      ]);
      // The broken file is not also analysed by the semantic rules.
      expect(findings.map((f) => f.code)).toEqual(['schema-enum']);
      expect(findings[0]).toMatchObject({ endLine: 13, endColumn: 22 });
    });

    it('a column type in a source, four levels deep', () => {
      const findings = lintLibrary({ sources: { 'responses.yaml': RESPONSES.replace('score: { type: integer }', 'score: { type: int }') } });
      expectFindings(findings, 'schema-enum', [
        { file: 'sources/responses.yaml', line: 8, column: 18, message: /^'columns\.score\.type' is "int"; expected one of integer, number, currency, percent, boolean, date, timestamp, string/ },
      ]);
    });
  });

  describe('schema-type', () => {
    it('a list written as a single word', () => {
      expectFindings(lintMetric(metric('m').replace('owner: team', 'owner: team\napprovers: finance')), 'schema-type', [
        { line: 6, column: 12, message: `'approvers' should be a list, not text "finance"` },
      ]);
    });

    it('text where a whole number belongs', () => {
      expectFindings(lintMetric(metric('m', 'total', 'min_sample: thirty\n')), 'schema-type', [
        { line: 17, column: 13, message: /^'min_sample' should be an? integer, not text "thirty"$/ },
      ]);
    });

    it('a version written as a number (1.2 is a YAML number, not text)', () => {
      expectFindings(lintMetric(metric('m').replace('version: 1.0.0\nstatus', 'version: 1.2\nstatus')), 'schema-type', [
        { line: 3, column: 10, message: "'version' should be a string, not number 1.2" },
      ]);
    });

    it('a definition that is a list rather than a mapping', () => {
      expectFindings(lintMetric('- metric: m\n'), 'schema-type', [{ line: 1, column: 1, message: 'a metric definition must be a mapping of keys to values' }]);
    });
  });

  describe('schema-format', () => {
    it('a version that is not MAJOR.MINOR.PATCH', () => {
      expectFindings(lintMetric(metric('m').replace('version: 1.0.0\nstatus', 'version: v1.2\nstatus')), 'schema-format', [
        { line: 3, column: 10, message: `'version' is "v1.2"; expected a semantic version MAJOR.MINOR.PATCH such as 1.2.0` },
      ]);
    });

    it('a changelog date that is not YYYY-MM-DD, inside a list item', () => {
      expectFindings(lintMetric(metric('m').replace('date: 2025-01-01', 'date: 1 Jan 2025')), 'schema-format', [
        { line: 15, column: 11, message: `'changelog[0].date' is "1 Jan 2025"; expected a date written YYYY-MM-DD` },
      ]);
    });

    it('a measure name that is not a lower-case name, on the key', () => {
      expectFindings(lintMetric(metric('m', 'Total').replace('  total:', '  Total:')), 'schema-format', [
        { line: 10, column: 3, message: "the name 'Total' in 'measures' is not allowed; expected a lower-case name of letters, digits and _ starting with a letter, such as first_contact" },
      ]);
    });

    it('a library name in the manifest', () => {
      expectFindings(lintLibrary({ manifest: 'library: My Metrics\n' }), 'schema-format', [
        { file: 'rmos.yaml', line: 1, column: 10, message: `'library' is "My Metrics"; expected a lower-case name of letters, digits, - and _ starting with a letter` },
      ]);
    });
  });

  describe('other schema codes', () => {
    it('schema-range: a month outside 1..12 and a negative minimum sample', () => {
      expectFindings(lintLibrary({ manifest: 'library: test\nfiscal_year_start_month: 13\n' }), 'schema-range', [
        { file: 'rmos.yaml', line: 2, column: 26, message: "'fiscal_year_start_month' is 13; it must be at most 12" },
      ]);
      expectFindings(lintMetric(metric('m', 'total', 'min_sample: -1\n')), 'schema-range', [{ line: 17, column: 13, message: "'min_sample' is -1; it must be at least 0" }]);
    });

    it('schema-empty: an empty name and no measures', () => {
      const findings = lintMetric(metric('m').replace('name: Metric m', 'name: ""').replace(/measures:\n  total:\n    aggregate: count\n/, 'measures: {}\n'));
      expectFindings(findings, 'schema-empty', [
        { line: 2, column: 7, message: "'name' must not be empty" },
        { line: 9, column: 11, message: "'measures' needs at least one entry" },
      ]);
    });

    it('schema-duplicate: a dimension listed twice', () => {
      expectFindings(lintMetric(metric('m', 'total', 'dimensions: [region, region]\n')), 'schema-duplicate', [
        { line: 17, column: 13, message: "'dimensions' lists the same value twice" },
      ]);
    });
  });
});
