import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, formatGithub } from '../../../src/report/lint/format-github.js';
import { CLEAN, OPTIONS, REPORT } from './sample-report.js';

describe('github format', () => {
  it('writes one workflow command per finding with position, end, title and escaped message, then a summary', () => {
    expect(formatGithub(REPORT, OPTIONS).split('\n')).toEqual([
      '::error file=lib/metrics/a.yaml,line=15,col=26,endLine=15,endColumn=32,title=rmos unknown-identifier::a, b: 100%25 done%0D%0Anext <line> & "quotes"',
      "::warning file=lib/metrics/b%2Cc.yaml,line=3,col=1,endLine=3,endColumn=5,title=rmos unused-measure::the measure 'long' is not used",
      'rmos: team: 2 problems (1 error, 1 warning) in 4 files checked',
      '',
    ]);
  });

  it('escapes % first, so an already-escaped sequence is not decoded by the runner', () => {
    expect(escapeData('%0A\n')).toBe('%250A%0A');
    expect(escapeProperty('a:b,c%')).toBe('a%3Ab%2Cc%25');
  });

  it('prints only the summary for a clean library', () => {
    expect(formatGithub(CLEAN, OPTIONS)).toBe('rmos: team: 4 files checked, no problems\n');
  });
});
