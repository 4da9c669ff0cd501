import { describe, expect, it } from 'vitest';
import { csvCell, formatCsv } from '../../../src/report/compute/format-csv.js';
import { formatJson } from '../../../src/report/compute/format-json.js';
import { formatMarkdown, mdCell } from '../../../src/report/compute/format-markdown.js';
import { validateReport } from '../validate-report.js';
import { sampleReport } from './sample-report.js';

describe('csvCell', () => {
  it.each([
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ['+1', "'+1"],
    ['-1+2', "'-1+2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\rcmd', `"'\rcmd"`],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['line\nbreak', '"line\nbreak"'],
    ['plain', 'plain'],
    ['', ''],
  ])('writes %j as %j', (text, cell) => {
    expect(csvCell(text)).toBe(cell);
  });

  it('writes numbers as they are (a negative number is not a formula) and null as an empty cell', () => {
    expect(csvCell(-12.5)).toBe('-12.5');
    expect(csvCell(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(csvCell(null)).toBe('');
  });
});

describe('formatCsv', () => {
  it('writes one CRLF row per metric and segment with unrounded values and the --by columns', () => {
    const lines = formatCsv(sampleReport(), { color: false }).split('\r\n');
    expect(lines[0]).toBe('metric,name,version,fingerprint,period,period_start,period_end,level,region,value,unit,n,ci95_low,ci95_high,target,status,reason');
    expect(lines[1]).toBe('nps,Net Promoter Score,1.2.0,09111d7672c46468,2025-Q3,2025-07-01,2025-09-30,metric,,20,score,5,-40.5,80.5,30,insufficient_sample,');
    expect(lines[2]).toBe('nps,Net Promoter Score,1.2.0,09111d7672c46468,2025-Q3,2025-07-01,2025-09-30,segment,a|b,100,score,1,100,100,,insufficient_sample,');
    expect(lines[5]).toBe('romi,Return on Marketing Investment,1.0.0,0123456789abcdef,2025-Q3,2025-07-01,2025-09-30,metric,,,percent,,,,,no_data,division by zero');
    expect(lines).toHaveLength(7);
    expect(lines[6]).toBe('');
  });
});

describe('mdCell and formatMarkdown', () => {
  it('escapes pipes, backslashes and Markdown punctuation and folds line breaks', () => {
    expect(mdCell('a|b')).toBe('a\\|b');
    expect(mdCell('C:\\x')).toBe('C:\\\\x');
    expect(mdCell('*bold* _it_ `code` [link] <b>')).toBe('\\*bold\\* \\_it\\_ \\`code\\` \\[link\\] \\<b\\>');
    expect(mdCell('two\r\nlines')).toBe('two lines');
  });

  it('keeps a segment value with a pipe inside its table cell', () => {
    const text = formatMarkdown(sampleReport(), { color: false });
    expect(text).toContain('| ↳ a\\|b | 100.0 | 100.0 – 100.0 | 1 | insufficient_sample |');
    expect(text).toContain('| ↳ (missing) | 0.00 | -69.3 – 69.3 | 4 | insufficient_sample |');
    expect(text).toContain('| **Return on Marketing Investment** (`romi` v1.0.0) | — |  | — | no_data |');
  });
});

describe('formatJson', () => {
  it('is the report itself, indented, ending in a newline, valid against the schema', () => {
    const text = formatJson(sampleReport(), { color: false });
    expect(text.endsWith('}\n')).toBe(true);
    expect(JSON.parse(text)).toEqual(sampleReport());
    validateReport(text);
  });
});
