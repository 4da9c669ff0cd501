import { all, bump, replace, testChangeRule } from './change-tester.js';

const NPS = 'lib/metrics/nps.yaml';

testChangeRule('status-regressed', {
  valid: [
    { name: 'approved to deprecated', edit: all(replace('status: approved', 'status: deprecated'), bump('1.0.1')) },
    { name: 'status unchanged', edit: replace('Test responses are excluded.', 'Test responses never count.') },
  ],
  invalid: [
    {
      name: 'approved back to draft',
      edit: replace('status: approved', 'status: draft'),
      findings: [`${NPS}:9:9 the status of 'nps' went back from approved to draft; status only moves draft -> approved -> deprecated (define a new metric to start over)`],
    },
    {
      name: 'deprecated at the base, approved again (a second commit as base)',
      newBase: true,
      edit: (repo) => {
        repo.edit(NPS, 'status: approved', 'status: deprecated');
        repo.git('tag', '-d', 'base');
        repo.commit('deprecate nps');
        repo.git('tag', 'base');
        repo.edit(NPS, 'status: deprecated', 'status: approved');
      },
      findings: [`${NPS}:9:9 the status of 'nps' went back from deprecated to approved; status only moves draft -> approved -> deprecated (define a new metric to start over)`],
    },
  ],
});
