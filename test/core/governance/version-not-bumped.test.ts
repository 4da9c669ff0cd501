import { all, bump, replace, testChangeRule } from './change-tester.js';

const NPS = 'lib/metrics/nps.yaml';

testChangeRule('version-not-bumped', {
  valid: [
    { name: 'nothing changed', edit: () => undefined },
    { name: 'only the description changed', edit: replace('Test responses are excluded.', 'Test responses never count.') },
    { name: 'the formula changed with a minor bump', edit: all(replace('formula: 100 * (promoters - detractors) / responses', 'formula: 100 * promoters / responses'), bump('1.1.0')) },
    { name: 'the formula was only re-spaced', edit: replace('formula: 100 * (promoters - detractors) / responses', 'formula: 100*(promoters-detractors)/responses') },
    { name: 'a dimension was added', edit: replace('dimensions: [channel, region, segment]', 'dimensions: [channel, region, segment, language]') },
  ],
  invalid: [
    {
      name: 'the formula changed, version kept',
      edit: replace('formula: 100 * (promoters - detractors) / responses', 'formula: 100 * promoters / responses'),
      findings: [`${NPS}:8:10 'nps' changed since base (the formula), but its version is still 1.0.0; raise it to 1.1.0 and add a changelog entry`],
    },
    {
      name: 'a row condition changed',
      edit: replace('where: nps_score >= 9', 'where: nps_score >= 8'),
      findings: [`${NPS}:8:10 'nps' changed since base (measure 'promoters' (where)), but its version is still 1.0.0; raise it to 1.1.0 and add a changelog entry`],
    },
    {
      name: 'a parameter value changed: every metric using it',
      edit: replace('value: 0.8', 'value: 0.7', 'lib/rmos.yaml'),
      findings: [
        'lib/metrics/cac_payback.yaml:8:10 \'cac_payback\' changed since base (parameter gross_margin (0.8 → 0.7)), but its version is still 1.0.0; raise it to 1.1.0 and add a changelog entry',
        'lib/metrics/romi.yaml:8:10 \'romi\' changed since base (parameter gross_margin (0.8 → 0.7)), but its version is still 1.0.0; raise it to 1.1.0 and add a changelog entry',
      ],
    },
    {
      name: 'the range of a source column changed: the metrics reading it',
      edit: replace('    min: 0\n    max: 10\n', '    min: 0\n    max: 11\n', 'lib/sources/survey_responses.yaml'),
      findings: [`${NPS}:8:10 'nps' changed since base (column survey_responses.nps_score), but its version is still 1.0.0; raise it to 1.1.0 and add a changelog entry`],
    },
    {
      name: 'the unit changed: a major bump is due',
      edit: replace('unit: score', 'unit: percent'),
      findings: [`${NPS}:8:10 'nps' changed since base (the unit (score → percent)), but its version is still 1.0.0; raise it to 2.0.0 and add a changelog entry`],
    },
    {
      name: 'the math changed and the version went down',
      edit: all(bump('0.9.0'), replace('where: nps_score <= 6', 'where: nps_score <= 5')),
      findings: [`${NPS}:8:10 'nps' changed since base (measure 'detractors' (where)), but its version is lower (1.0.0 → 0.9.0); raise it to 1.1.0 and add a changelog entry`],
    },
  ],
});
