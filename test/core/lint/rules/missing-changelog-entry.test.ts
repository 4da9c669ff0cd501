import { metric } from '../lint-library.js';
import { testRule } from '../rule-tester.js';

testRule('missing-changelog-entry', {
  valid: [
    { name: 'an entry for the current version', library: { metrics: { 'm.yaml': metric('m') } } },
    {
      name: 'the current version among several entries',
      library: { metrics: { 'm.yaml': metric('m').replace('version: 1.0.0\nstatus', 'version: 1.1.0\nstatus').replace('changelog:\n', 'changelog:\n  - { version: 1.1.0, date: 2025-02-01, change: Second. }\n') } },
    },
  ],
  invalid: [
    {
      name: 'a version bump without an entry, at the version',
      library: { metrics: { 'm.yaml': metric('m').replace('version: 1.0.0\nstatus', 'version: 1.1.0\nstatus') } },
      errors: [{ line: 3, column: 10, message: "the changelog of 'm' has no entry for version 1.1.0; add one saying what changed and why" }],
    },
    {
      name: 'no changelog at all',
      library: { metrics: { 'm.yaml': metric('m').replace(/changelog:[\s\S]*$/, '') } },
      errors: [{ line: 3, column: 10, message: /has no entry for version 1\.0\.0/ }],
    },
  ],
});
