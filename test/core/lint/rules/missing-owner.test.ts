import { metric } from '../lint-library.js';
import { testRule } from '../rule-tester.js';

testRule('missing-owner', {
  valid: [{ name: 'an owner', library: { metrics: { 'm.yaml': metric('m') } } }],
  invalid: [
    {
      name: 'no owner, reported on the metric key',
      library: { metrics: { 'm.yaml': metric('m').replace('owner: team\n', '') } },
      errors: [{ line: 1, column: 1, message: "metric 'm' has no owner; add 'owner:' with the team or person answerable for it" }],
    },
    {
      name: 'an owner of blanks only',
      library: { metrics: { 'm.yaml': metric('m').replace('owner: team', 'owner: "  "') } },
      errors: [{ line: 1, column: 1, message: /^metric 'm' has no owner/ }],
    },
  ],
});
