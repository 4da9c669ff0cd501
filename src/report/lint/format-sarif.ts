import { RULES } from '../../core/lint/rules/index.js';
import type { Finding, Severity } from '../../core/problem.js';
import type { LintFormatter } from './lint-report.js';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** Codes the loader and schema validation report; they are not lint rules, so RULES does not describe them. */
const LOADER_CODES: Readonly<Record<string, string>> = {
  'file-unreadable': 'A definition file cannot be read.',
  'file-encoding': 'A definition file is not UTF-8 text.',
  'file-too-large': 'A definition file is larger than a definition can be.',
  'file-empty': 'A definition file is empty.',
  'yaml-syntax': 'A definition file is not valid YAML.',
  'yaml-duplicate-key': 'A key appears twice in the same YAML mapping.',
  'yaml-unknown-tag': 'A definition file uses a custom YAML tag.',
  'yaml-too-deep': 'A definition file is nested too deeply.',
  'yaml-forbidden-key': 'A definition file uses a key that could reach an object prototype.',
  'yaml-alias-limit': 'YAML aliases expand to too many nodes.',
  'schema-required': 'A required key is missing.',
  'schema-unknown-key': 'A key is not part of the schema.',
  'schema-enum': 'A value is not one of the allowed values.',
  'schema-type': 'A value has the wrong type.',
  'schema-format': 'A value does not have the expected form.',
  'schema-range': 'A number is out of its allowed range.',
  'schema-empty': 'A value must not be empty.',
  'schema-duplicate': 'A list names the same value twice.',
  'schema-invalid': 'A value does not match the schema.',
  'unknown-library': "The manifest's 'extends' names no library.",
  'patch-without-base': 'A source patch has no inherited source to change.',
};

interface RuleInfo {
  readonly description: string;
  readonly severity: Severity;
}

function ruleInfo(code: string, used: Severity): RuleInfo {
  const rule = RULES.find((r) => r.code === code);
  if (rule) return { description: rule.description, severity: rule.severity };
  return { description: LOADER_CODES[code] ?? `rmos finding ${code}.`, severity: used };
}

/** A file path as a SARIF URI: forward slashes, percent-encoded, relative to %SRCROOT% when it can be. */
function artifactLocation(file: string): { uri: string; uriBaseId?: string } {
  const path = file.replace(/\\/g, '/');
  const encoded = path.split('/').map(encodeURIComponent).join('/');
  if (path.startsWith('/')) return { uri: `file://${encoded}` };
  if (/^[A-Za-z]:\//.test(path)) return { uri: `file:///${path.slice(0, 2)}${encoded.slice(path.indexOf('/') + 2)}` };
  return { uri: encoded.replace(/^\.\//, ''), uriBaseId: '%SRCROOT%' };
}

/** SARIF end columns are exclusive; a finding known only as a point gets no end, not an empty region. */
function region(f: Finding): { startLine: number; startColumn: number; endLine?: number; endColumn?: number } {
  const start = { startLine: f.line, startColumn: f.column };
  const after = f.endLine > f.line || (f.endLine === f.line && f.endColumn > f.column);
  return after ? { ...start, endLine: f.endLine, endColumn: f.endColumn } : start;
}

function toName(code: string): string {
  return code.replace(/(^|-)([a-z0-9])/g, (_, _dash: string, c: string) => c.toUpperCase());
}

/** SARIF 2.1.0 as GitHub code scanning accepts it: one run, a rule for each code used. */
export const formatSarif: LintFormatter = (report, options) => {
  const codes = [...new Set(report.findings.map((f) => f.code))].sort();
  const index = new Map(codes.map((code, i) => [code, i]));
  const rules = codes.map((code) => {
    const used = report.findings.find((f) => f.code === code)!.severity;
    const info = ruleInfo(code, used);
    return {
      id: code,
      name: toName(code),
      shortDescription: { text: info.description },
      fullDescription: { text: info.description },
      defaultConfiguration: { level: info.severity },
    };
  });
  const results = report.findings.map((f: Finding) => ({
    ruleId: f.code,
    ruleIndex: index.get(f.code)!,
    level: f.severity,
    message: { text: f.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: artifactLocation(f.file),
          region: region(f),
        },
      },
    ],
  }));
  const sarif = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'rmos', version: options.version, rules } },
        results,
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
};
