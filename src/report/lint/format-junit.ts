import type { Finding } from '../../core/problem.js';
import type { LintFormatter } from './lint-report.js';

/** One test case: it passes unless it has a failure, an error or is skipped. */
export interface JunitCase {
  readonly name: string;
  readonly classname: string;
  readonly file?: string;
  readonly line?: number;
  readonly time?: number;
  readonly failure?: { readonly message: string; readonly type: string; readonly body: string };
  readonly error?: { readonly message: string; readonly type: string; readonly body: string };
  readonly skipped?: { readonly message: string };
}

export interface JunitSuite {
  readonly name: string;
  readonly cases: readonly JunitCase[];
}

// Characters XML 1.0 cannot hold at all, even escaped.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Text content escaping. */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Attribute value escaping: also quotes, and line breaks kept as character references. */
export function escapeXmlAttribute(text: string): string {
  return escapeXml(text).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}

function attributes(pairs: Record<string, string | number | undefined>): string {
  return Object.entries(pairs)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeXmlAttribute(String(v))}"`)
    .join('');
}

function count(cases: readonly JunitCase[]): { tests: number; failures: number; errors: number; skipped: number } {
  return {
    tests: cases.length,
    failures: cases.filter((c) => c.failure).length,
    errors: cases.filter((c) => c.error).length,
    skipped: cases.filter((c) => c.skipped).length,
  };
}

/** JUnit XML as Jenkins, GitLab and most CI test reporters read it. */
export function renderJunit(name: string, suites: readonly JunitSuite[]): string {
  const all = suites.flatMap((s) => s.cases);
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites${attributes({ name, ...count(all) })}>`];
  for (const suite of suites) {
    lines.push(`  <testsuite${attributes({ name: suite.name, ...count(suite.cases) })}>`);
    for (const c of suite.cases) {
      const head = `    <testcase${attributes({ name: c.name, classname: c.classname, file: c.file, line: c.line, time: c.time ?? 0 })}`;
      const inner: string[] = [];
      for (const [tag, detail] of [['failure', c.failure], ['error', c.error]] as const) {
        if (detail) inner.push(`      <${tag}${attributes({ message: detail.message, type: detail.type })}>${escapeXml(detail.body)}</${tag}>`);
      }
      if (c.skipped) inner.push(`      <skipped${attributes({ message: c.skipped.message })}/>`);
      lines.push(inner.length === 0 ? `${head}/>` : `${head}>`, ...inner, ...(inner.length === 0 ? [] : ['    </testcase>']));
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return `${lines.join('\n')}\n`;
}

function toCase(f: Finding): JunitCase {
  const where = `${f.file}:${f.line}:${f.column}`;
  const base = { name: `${f.line}:${f.column} ${f.code}`, classname: f.file, file: f.file, line: f.line };
  // A warning does not fail the run, so it is reported as skipped, not as a failure.
  if (f.severity === 'warning') return { ...base, skipped: { message: `warning: ${f.message} (${f.code}) at ${where}` } };
  return { ...base, failure: { message: f.message, type: f.code, body: `${where}: error: ${f.message} (${f.code})` } };
}

/**
 * JUnit XML: one test suite per file with findings, one test case per finding. Errors
 * are failures; warnings are skipped cases. A clean library is one passing test case.
 */
export const formatJunit: LintFormatter = (report) => {
  if (report.findings.length === 0) {
    return renderJunit(`rmos lint ${report.library}`, [{ name: report.library, cases: [{ name: `${report.files} file${report.files === 1 ? '' : 's'} checked, no problems`, classname: report.library }] }]);
  }
  const byFile = new Map<string, Finding[]>();
  for (const f of report.findings) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
  const suites = [...byFile].map(([file, findings]) => ({ name: file, cases: findings.map(toCase) }));
  return renderJunit(`rmos lint ${report.library}`, suites);
};
