// mathjs exports its factory functions at run time but not in its type declarations.
import 'mathjs';

type MathjsFactory = (dependencies: Record<string, unknown>) => any;

declare module 'mathjs' {
  export const createAccessorNode: MathjsFactory;
  export const createArrayNode: MathjsFactory;
  export const createAssignmentNode: MathjsFactory;
  export const createBlockNode: MathjsFactory;
  export const createConditionalNode: MathjsFactory;
  export const createConstantNode: MathjsFactory;
  export const createFunctionAssignmentNode: MathjsFactory;
  export const createFunctionNode: MathjsFactory;
  export const createIndexNode: MathjsFactory;
  export const createNode: MathjsFactory;
  export const createObjectNode: MathjsFactory;
  export const createOperatorNode: MathjsFactory;
  export const createParenthesisNode: MathjsFactory;
  export const createParse: MathjsFactory;
  export const createRangeNode: MathjsFactory;
  export const createRelationalNode: MathjsFactory;
  export const createSymbolNode: MathjsFactory;
}
