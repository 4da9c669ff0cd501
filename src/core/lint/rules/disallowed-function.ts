import { expressionProblems, type Rule } from '../rule.js';

export const disallowedFunction: Rule = {
  code: 'disallowed-function',
  severity: 'error',
  description: 'An expression calls a function outside the allowed list (abs, round, min, max, log, sqrt, is_missing, if).',
  check: (analysis) => expressionProblems(analysis, ['disallowed-function']),
};
