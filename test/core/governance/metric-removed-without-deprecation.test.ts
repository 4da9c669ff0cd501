import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { all, bump, replace, testChangeRule, type Edit } from './change-tester.js';

const remove = (file: string): Edit => (repo) => rmSync(join(repo.dir, file));

testChangeRule('metric-removed-without-deprecation', {
  valid: [
    { name: 'nothing removed', edit: () => undefined },
    { name: 'a metric deprecated, not removed', edit: all(replace('status: approved', 'status: deprecated', 'lib/metrics/ces.yaml'), bump('1.0.1', 'lib/metrics/ces.yaml')) },
    { name: 'a metric renamed to a new file but the same id', edit: (repo) => {
      repo.write('lib/metrics/effort/ces.yaml', repo.read('lib/metrics/ces.yaml'));
      rmSync(join(repo.dir, 'lib/metrics/ces.yaml'));
    } },
    { name: 'a metric whose file no longer passes the schema (reported where it breaks)', edit: replace('unit: score', 'unit: [score]', 'lib/metrics/ces.yaml'), broken: true },
  ],
  invalid: [
    {
      name: 'an approved metric deleted',
      edit: remove('lib/metrics/ces.yaml'),
      findings: ["lib/metrics/ces.yaml:1:1 metric 'ces' was removed, but it was approved (not deprecated) at base; release it with status: deprecated first, so reports and metrics that use it are warned, then remove it"],
    },
    {
      name: 'two metrics deleted',
      edit: all(remove('lib/metrics/ces.yaml'), remove('lib/metrics/romi.yaml')),
      findings: [
        "lib/metrics/ces.yaml:1:1 metric 'ces' was removed, but it was approved (not deprecated) at base; release it with status: deprecated first, so reports and metrics that use it are warned, then remove it",
        "lib/metrics/romi.yaml:1:1 metric 'romi' was removed, but it was approved (not deprecated) at base; release it with status: deprecated first, so reports and metrics that use it are warned, then remove it",
      ],
    },
  ],
});
