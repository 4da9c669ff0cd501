import { metric } from '../lint-library.js';
import { testRule } from '../rule-tester.js';

const withZone = (zone: string) => ({ manifest: `library: test\ntimezone: ${zone}\n`, metrics: { 'm.yaml': metric('m') } });

testRule('invalid-timezone', {
  valid: [
    { name: 'no time zone (UTC by default)', library: { metrics: { 'm.yaml': metric('m') } } },
    { name: 'UTC', library: withZone('UTC') },
    { name: 'an IANA zone', library: withZone('Europe/Berlin') },
    { name: 'another IANA zone', library: withZone('America/New_York') },
  ],
  invalid: [
    {
      name: 'a zone that does not exist',
      library: withZone('Mars/Olympus'),
      errors: [{ file: 'rmos.yaml', line: 2, column: 11, message: "'Mars/Olympus' is not a time zone; use an IANA name such as UTC, Europe/Berlin or America/New_York" }],
    },
    {
      name: 'an abbreviation that is not a zone name',
      library: withZone('CEST'),
      errors: [{ file: 'rmos.yaml', line: 2, column: 11, message: /^'CEST' is not a time zone/ }],
    },
  ],
});
