import { expressionProblems, type Rule } from '../rule.js';

export const expressionSyntax: Rule = {
  code: 'expression-syntax',
  severity: 'error',
  description: 'A formula or row condition cannot be parsed.',
  check: (analysis) => expressionProblems(analysis, ['expression-syntax']),
};
