import { all, bump, replace, testChangeRule } from './change-tester.js';

const NPS = 'lib/metrics/nps.yaml';
const FORMULA = replace('formula: 100 * (promoters - detractors) / responses', 'formula: 100 * promoters / responses');

testChangeRule('approvers-missing-for-change', {
  valid: [
    { name: 'a math change with approvers', edit: all(FORMULA, bump('1.1.0')) },
    { name: 'approvers removed without a math change (missing-approvers says so)', edit: replace('approvers: [finance-controlling]\n', '') },
    { name: 'a draft metric changed without approvers', edit: all(FORMULA, bump('1.1.0'), replace('status: approved', 'status: draft'), replace('approvers: [finance-controlling]\n', '')) },
  ],
  invalid: [
    {
      name: 'a math change and the approvers emptied',
      edit: all(FORMULA, bump('1.1.0'), replace('approvers: [finance-controlling]', 'approvers: []')),
      findings: [`${NPS}:9:9 the math of approved metric 'nps' changed since base, but it lists no approvers; add the people or teams who approved this version under 'approvers:'`],
    },
    {
      name: 'a math change and a blank approver',
      edit: all(FORMULA, bump('1.1.0'), replace('approvers: [finance-controlling]', 'approvers: [finance-controlling, " "]')),
      findings: [`${NPS}:11:12 the math of approved metric 'nps' changed since base, but an approver's name is blank; name who approved this version`],
    },
  ],
});
