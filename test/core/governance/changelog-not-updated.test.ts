import { all, bump, replace, testChangeRule } from './change-tester.js';

const NPS = 'lib/metrics/nps.yaml';
const FORMULA = replace('formula: 100 * (promoters - detractors) / responses', 'formula: 100 * promoters / responses');
const MESSAGE = "'nps' changed since base, but its changelog has no new entry; add one for the new version saying what changed and why";

testChangeRule('changelog-not-updated', {
  valid: [
    { name: 'a math change with a bump and a new entry', edit: all(FORMULA, bump('1.1.0')) },
    { name: 'a description change without an entry', edit: replace('Test responses are excluded.', 'Test responses never count.') },
    {
      name: 'a bump without any entry for the new version (missing-changelog-entry says so)',
      edit: all(FORMULA, replace('\nversion: 1.0.0', '\nversion: 1.1.0')),
    },
  ],
  invalid: [
    { name: 'a math change, version and changelog untouched', edit: FORMULA, findings: [`${NPS}:45:1 ${MESSAGE}`] },
    {
      name: 'a math change whose only entry was reworded instead of added',
      edit: all(FORMULA, replace('change: First governed definition.', 'change: First governed definition; promoters only.')),
      findings: [`${NPS}:45:1 ${MESSAGE}`],
    },
    { name: 'an exclusion removed, old entry kept', edit: replace("exclusions:\n  test_responses:\n    where: is_test\n    reason: Responses sent by the team to test the survey are not customer feedback.\n", ''), findings: [`${NPS}:41:1 ${MESSAGE}`] },
  ],
});
