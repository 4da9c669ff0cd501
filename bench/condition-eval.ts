// How long one compiled row condition takes, against mathjs's own evaluate.
import { checkExpression } from '../src/core/expression/check-expression.js';
import { compileCondition } from '../src/core/expression/compile-expression.js';
import { parseExpression } from '../src/core/expression/parse-expression.js';
import type { Scalar } from '../src/core/expression/runtime.js';

const COLUMNS = ['nps_score', 'contacts', 'reopens', 'status', 'is_spam'];
const TYPES: Record<string, 'number' | 'string' | 'boolean'> = { nps_score: 'number', contacts: 'number', reopens: 'number', status: 'string', is_spam: 'boolean' };
const CONDITIONS = ['nps_score >= 9', 'contacts <= 1 and reopens == 0', 'not (status == "solved" or status == "closed")', 'not is_spam and 0 <= nps_score <= 6'];
const ROWS = 1 << 16;
const EVALUATIONS = 20_000_000;

// Rows with a realistic share of missing values.
let seed = 42;
const random = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
const rows: Scalar[][] = Array.from({ length: ROWS }, () => [
  random() < 0.15 ? null : Math.floor(random() * 11),
  Math.floor(random() * 4),
  random() < 0.9 ? 0 : 1,
  ['solved', 'closed', 'open', 'pending'][Math.floor(random() * 4)]!,
  random() < 0.02,
]);

console.log(`compiled row conditions, ${EVALUATIONS.toLocaleString('en-US')} evaluations each`);
for (const text of CONDITIONS) {
  const expr = parseExpression(text).expr!;
  const issues = checkExpression(expr, { role: 'condition', lookup: (n) => (TYPES[n] ? { kind: 'column', type: TYPES[n]! } : undefined), candidates: () => COLUMNS }).issues;
  if (issues.length) throw new Error(issues[0]!.message);
  const test = compileCondition(expr, { slot: (n) => COLUMNS.indexOf(n), typeOf: (n) => TYPES[n]! });
  let kept = 0;
  for (let i = 0; i < 1_000_000; i++) if (test(rows[i & (ROWS - 1)]!)) kept++; // warm up
  kept = 0;
  const start = process.hrtime.bigint();
  for (let i = 0; i < EVALUATIONS; i++) if (test(rows[i & (ROWS - 1)]!)) kept++;
  const ns = Number(process.hrtime.bigint() - start) / EVALUATIONS;
  console.log(`  ${ns.toFixed(1).padStart(6)} ns   ${text}   (kept ${(kept / EVALUATIONS * 100).toFixed(1)}%)`);
}

if (!process.argv.includes('--no-mathjs')) {
  const { compile } = await import('mathjs');
  const compiled = compile('nps_score >= 9');
  const scope = { nps_score: 0 };
  const n = 1_000_000;
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) {
    scope.nps_score = (rows[i & (ROWS - 1)]![0] as number | null) ?? 0;
    compiled.evaluate(scope);
  }
  console.log(`  ${(Number(process.hrtime.bigint() - start) / n).toFixed(1).padStart(6)} ns   nps_score >= 9 with mathjs compile().evaluate(), for comparison`);
}
