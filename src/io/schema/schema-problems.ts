import type { ErrorObject } from 'ajv';
import { didYouMean } from '../../core/did-you-mean.js';
import type { DocPath, Problem } from '../../core/problem.js';

/** Readable wording for the patterns the schemas use. */
const PATTERN_MEANING: Record<string, string> = {
  '^(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)$': 'a semantic version MAJOR.MINOR.PATCH such as 1.2.0',
  '^[a-z][a-z0-9_]*$': 'a lower-case name of letters, digits and _ starting with a letter, such as first_contact',
  '^[a-z][a-z0-9_-]*$': 'a lower-case name of letters, digits, - and _ starting with a letter',
  '^[0-9]{4}-[0-9]{2}-[0-9]{2}$': 'a date written YYYY-MM-DD',
};

function pathOf(instancePath: string): (string | number)[] {
  if (instancePath === '') return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

function describePath(path: DocPath): string {
  if (path.length === 0) return 'the document';
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : p)).join('.').replace(/\.\[/g, '[');
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value === 'string' ? 'text' : typeof value} ${JSON.stringify(value)}`;
}

function valueAt(data: unknown, path: DocPath): unknown {
  let node = data;
  for (const p of path) node = (node as Record<string | number, unknown> | undefined)?.[p];
  return node;
}

/**
 * Turns ajv's errors into rmos problems placed on the offending key or value.
 * Raw ajv wording never reaches the user.
 */
export function schemaProblems(file: string, data: unknown, errors: readonly ErrorObject[], schemaTitle: string): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    if (error.keyword === 'if') continue; // reported through the 'then' branch's own errors
    const path = pathOf(error.instancePath);
    const where = describePath(path);
    const value = valueAt(data, path);
    let problem: Problem;
    switch (error.keyword) {
      case 'required': {
        const missing = (error.params as { missingProperty: string }).missingProperty;
        problem = { code: 'schema-required', file, path, at: 'key', message: `${where === 'the document' ? `the ${schemaTitle}` : `'${where}'`} is missing the required key '${missing}'` };
        break;
      }
      case 'additionalProperties': {
        const extra = (error.params as { additionalProperty: string }).additionalProperty;
        const schemaProps = Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {});
        problem = {
          code: 'schema-unknown-key',
          file,
          path: [...path, extra],
          at: 'key',
          message: `unknown key '${extra}'${where === 'the document' ? '' : ` in '${where}'`}${didYouMean(extra, schemaProps)}`,
        };
        break;
      }
      case 'enum': {
        const allowed = (error.params as { allowedValues: unknown[] }).allowedValues.map(String);
        problem = { code: 'schema-enum', file, path, message: `'${where}' is ${JSON.stringify(value)}; expected one of ${allowed.join(', ')}${typeof value === 'string' ? didYouMean(value, allowed) : ''}` };
        break;
      }
      case 'type': {
        const expected = (error.params as { type: string | string[] }).type;
        const name = (t: string) => (t === 'object' ? 'a mapping' : t === 'array' ? 'a list' : t === 'integer' ? 'an integer' : t === 'null' ? 'empty' : `a ${t}`);
        const word = (Array.isArray(expected) ? expected : String(expected).split(',')).map(name).join(' or ');
        problem = { code: 'schema-type', file, path, message: `'${where}' should be ${word}, not ${typeName(value)}` };
        break;
      }
      case 'pattern': {
        const pattern = (error.params as { pattern: string }).pattern;
        const meaning = PATTERN_MEANING[pattern] ?? `text matching ${pattern}`;
        problem = { code: 'schema-format', file, path, message: `'${where}' is ${JSON.stringify(value)}; expected ${meaning}` };
        break;
      }
      case 'propertyNames': {
        continue; // the nested 'pattern' error carries the name
      }
      case 'minimum':
      case 'maximum':
      case 'exclusiveMinimum':
      case 'exclusiveMaximum': {
        const limit = (error.params as { limit: number }).limit;
        const relation = error.keyword.includes('inimum') ? 'at least' : 'at most';
        problem = { code: 'schema-range', file, path, message: `'${where}' is ${JSON.stringify(value)}; it must be ${relation} ${limit}` };
        break;
      }
      case 'minLength':
        problem = { code: 'schema-empty', file, path, message: `'${where}' must not be empty` };
        break;
      case 'minProperties':
        problem = { code: 'schema-empty', file, path, message: `'${where}' needs at least one entry` };
        break;
      case 'uniqueItems':
        problem = { code: 'schema-duplicate', file, path, message: `'${where}' lists the same value twice` };
        break;
      case 'const':
        problem = { code: 'schema-enum', file, path, message: `'${where}' must be ${JSON.stringify((error.params as { allowedValue: unknown }).allowedValue)}` };
        break;
      default:
        problem = { code: 'schema-invalid', file, path, message: `'${where}' does not match the ${schemaTitle} schema (${error.keyword})` };
    }
    // A bad property name shows up as a propertyNames error whose instancePath is the parent.
    if (error.keyword === 'pattern' && error.propertyName !== undefined) {
      problem = { code: 'schema-format', file, path: [...path, error.propertyName], at: 'key', message: `the name '${error.propertyName}' in '${where}' is not allowed; expected ${PATTERN_MEANING[(error.params as { pattern: string }).pattern] ?? 'a simple name'}` };
    }
    const key = `${problem.code}|${problem.path.join('/')}|${problem.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      problems.push(problem);
    }
  }
  return problems;
}
