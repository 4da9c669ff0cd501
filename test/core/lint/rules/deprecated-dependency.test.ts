import { metric } from '../lint-library.js';
import { testRule } from '../rule-tester.js';

const legacy = metric('legacy').replace('status: draft', 'status: deprecated');

testRule('deprecated-dependency', {
  valid: [
    { name: 'building on a current metric', library: { metrics: { 'base.yaml': metric('base'), 'm.yaml': metric('m', 'total + base') } } },
    { name: 'a deprecated metric may build on a deprecated one', library: { metrics: { 'legacy.yaml': legacy, 'm.yaml': metric('m', 'legacy').replace('status: draft', 'status: deprecated') } } },
  ],
  invalid: [
    {
      name: 'a current metric uses a deprecated one: a warning at the name in the formula',
      library: { metrics: { 'legacy.yaml': legacy, 'm.yaml': metric('m', 'legacy_total + legacy * 2', '').replace('  total:\n', '  legacy_total:\n') } },
      errors: [{ file: 'metrics/m.yaml', line: 12, column: 25, severity: 'warning', message: "'m' uses the deprecated metric 'legacy'; move to its replacement before it is removed" }],
    },
  ],
});
