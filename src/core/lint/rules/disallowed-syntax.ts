import { expressionProblems, type Rule } from '../rule.js';

export const disallowedSyntax: Rule = {
  code: 'disallowed-syntax',
  severity: 'error',
  description: 'An expression uses a construct rmos does not allow: assignment, property access, lists, objects, several statements.',
  check: (analysis) => expressionProblems(analysis, ['disallowed-syntax']),
};
