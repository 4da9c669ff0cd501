import { describe, expect, it } from 'vitest';
import { escapeXml, escapeXmlAttribute, formatJunit } from '../../../src/report/lint/format-junit.js';
import { CLEAN, OPTIONS, REPORT } from './sample-report.js';

describe('junit format', () => {
  it('writes one suite per file, a failing case per error and a skipped case per warning', () => {
    expect(formatJunit(REPORT, OPTIONS)).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<testsuites name="rmos lint team" tests="2" failures="1" errors="0" skipped="1">',
        '  <testsuite name="lib/metrics/a.yaml" tests="1" failures="1" errors="0" skipped="0">',
        '    <testcase name="15:26 unknown-identifier" classname="lib/metrics/a.yaml" file="lib/metrics/a.yaml" line="15" time="0">',
        '      <failure message="a, b: 100% done&#13;&#10;next &lt;line&gt; &amp; &quot;quotes&quot;" type="unknown-identifier">lib/metrics/a.yaml:15:26: error: a, b: 100% done\r\nnext &lt;line&gt; &amp; "quotes" (unknown-identifier)</failure>',
        '    </testcase>',
        '  </testsuite>',
        '  <testsuite name="lib/metrics/b,c.yaml" tests="1" failures="0" errors="0" skipped="1">',
        '    <testcase name="3:1 unused-measure" classname="lib/metrics/b,c.yaml" file="lib/metrics/b,c.yaml" line="3" time="0">',
        '      <skipped message="warning: the measure &apos;long&apos; is not used (unused-measure) at lib/metrics/b,c.yaml:3:1"/>',
        '    </testcase>',
        '  </testsuite>',
        '</testsuites>',
        '',
      ].join('\n'),
    );
  });

  it('gives a clean library one passing test case', () => {
    const xml = formatJunit(CLEAN, OPTIONS);
    expect(xml).toContain('<testsuites name="rmos lint team" tests="1" failures="0" errors="0" skipped="0">');
    expect(xml).toContain('<testcase name="4 files checked, no problems" classname="team" time="0"/>');
  });

  it('replaces characters XML cannot hold and escapes markup', () => {
    expect(escapeXml('a\u0000b\u001Bc <&>')).toBe('a\uFFFDb\uFFFDc &lt;&amp;&gt;');
    expect(escapeXmlAttribute('"it\'s"\t')).toBe('&quot;it&apos;s&quot;&#9;');
  });
});
