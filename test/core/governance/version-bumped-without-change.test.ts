import { all, bump, replace, testChangeRule } from './change-tester.js';

testChangeRule('version-bumped-without-change', {
  valid: [
    { name: 'nothing changed', edit: () => undefined },
    { name: 'a math change with a bump', edit: all(replace('where: nps_score >= 9', 'where: nps_score == 10'), bump('1.1.0')) },
    { name: 'a description fix with a patch bump', edit: all(replace('Test responses are excluded.', 'Test responses never count.'), bump('1.0.1')) },
    { name: 'an owner change with a patch bump', edit: all(replace('owner: cx-analytics', 'owner: cx-insights'), bump('1.0.1')) },
  ],
  invalid: [
    {
      name: 'a minor bump of an untouched metric',
      edit: bump('1.1.0'),
      findings: ["lib/metrics/nps.yaml:8:10 the version of 'nps' went from 1.0.0 to 1.1.0, but nothing else in its definition changed since base; keep 1.0.0"],
    },
    {
      name: 'a bump where only the layout of the formula changed',
      edit: all(replace('formula: 100 * (promoters - detractors) / responses', 'formula: 100*(promoters - detractors)/responses', 'lib/metrics/nps.yaml'), bump('2.0.0')),
      findings: ["lib/metrics/nps.yaml:8:10 the version of 'nps' went from 1.0.0 to 2.0.0, but nothing else in its definition changed since base; keep 1.0.0"],
    },
  ],
});
