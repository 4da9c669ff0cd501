import { expressionProblems, type Rule } from '../rule.js';

export const unknownIdentifier: Rule = {
  code: 'unknown-identifier',
  severity: 'error',
  description: 'An expression names a column, measure, parameter or metric that does not exist.',
  check: (analysis) => expressionProblems(analysis, ['unknown-identifier']),
};
