import { metric } from '../lint-library.js';
import { testRule } from '../rule-tester.js';

const approved = (approvers: string) => metric('m').replace('status: draft', `status: approved${approvers}`);

testRule('missing-approvers', {
  valid: [
    { name: 'a draft needs no approvers', library: { metrics: { 'm.yaml': metric('m') } } },
    { name: 'approved with approvers', library: { metrics: { 'm.yaml': approved('\napprovers: [finance]') } } },
  ],
  invalid: [
    {
      name: 'approved without approvers, at the status',
      library: { metrics: { 'm.yaml': approved('') } },
      errors: [{ line: 4, column: 9, message: "metric 'm' is approved but lists no approvers; add 'approvers:' or set the status to draft" }],
    },
    {
      name: 'approved with an empty list',
      library: { metrics: { 'm.yaml': approved('\napprovers: []') } },
      errors: [{ line: 4, column: 9, message: /is approved but lists no approvers/ }],
    },
  ],
});
