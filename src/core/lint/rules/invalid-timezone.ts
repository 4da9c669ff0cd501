import type { Problem } from '../../problem.js';
import type { Rule } from '../rule.js';

function isTimeZone(zone: string): boolean {
  if (zone === 'UTC') return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const invalidTimezone: Rule = {
  code: 'invalid-timezone',
  severity: 'error',
  description: "The manifest's time zone is not an IANA time zone name.",
  check({ library }) {
    const problems: Problem[] = [];
    const { manifest } = library;
    if (!isTimeZone(manifest.timezone)) {
      problems.push({ code: 'invalid-timezone', file: manifest.file, path: ['timezone'], message: `'${manifest.timezone}' is not a time zone; use an IANA name such as UTC, Europe/Berlin or America/New_York` });
    }
    return problems;
  },
};
