import { all, bump, replace, testChangeRule } from './change-tester.js';

const NPS = 'lib/metrics/nps.yaml';
const FORMULA = replace('formula: 100 * (promoters - detractors) / responses', 'formula: 100 * promoters / responses');

testChangeRule('wrong-bump-kind', {
  valid: [
    { name: 'a formula change with a minor bump', edit: all(FORMULA, bump('1.1.0')) },
    { name: 'a formula change with a major bump', edit: all(FORMULA, bump('2.0.0')) },
    { name: 'a unit change with a major bump', edit: all(replace('unit: score', 'unit: percent'), bump('2.0.0')) },
    { name: 'a removed dimension with a major bump', edit: all(replace('dimensions: [channel, region, segment]', 'dimensions: [channel, region]'), bump('2.0.0')) },
    { name: 'a description fix with a patch bump', edit: all(replace('Test responses are excluded.', 'Test responses never count.'), bump('1.0.1')) },
    { name: 'the math changed but the version was not raised (version-not-bumped says so)', edit: FORMULA },
  ],
  invalid: [
    {
      name: 'a formula change with a patch bump',
      edit: all(FORMULA, bump('1.0.1')),
      findings: [`${NPS}:8:10 'nps' changed (the formula), which needs a minor version: 1.1.0, not 1.0.1 (a patch bump from 1.0.0)`],
    },
    {
      name: 'a direction change with a minor bump',
      edit: all(replace('direction: higher', 'direction: lower'), bump('1.1.0')),
      findings: [`${NPS}:8:10 'nps' changed (the direction (higher → lower)), which needs a major version: 2.0.0, not 1.1.0 (a minor bump from 1.0.0)`],
    },
    {
      name: 'a removed dimension with a minor bump',
      edit: all(replace('dimensions: [channel, region, segment]', 'dimensions: [channel, region]'), bump('1.1.0')),
      findings: [`${NPS}:8:10 'nps' changed (dimension 'segment' removed), which needs a major version: 2.0.0, not 1.1.0 (a minor bump from 1.0.0)`],
    },
    {
      name: 'a source change with a minor bump',
      edit: all(replace('source: survey_responses', 'source: support_cases', 'lib/metrics/csat.yaml'), bump('1.1.0', 'lib/metrics/csat.yaml')),
      findings: ["lib/metrics/csat.yaml:7:10 'csat' changed (the source (survey_responses → support_cases)), which needs a major version: 2.0.0, not 1.1.0 (a minor bump from 1.0.0)"],
    },
    {
      name: 'the version went down without a change',
      edit: bump('0.9.0'),
      findings: [`${NPS}:8:10 the version of 'nps' went down (1.0.0 → 0.9.0); versions only go up`],
    },
  ],
});
