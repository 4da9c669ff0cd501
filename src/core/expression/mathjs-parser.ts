import {
  createAccessorNode, createArrayNode, createAssignmentNode, createBlockNode, createConditionalNode, createConstantNode,
  createFunctionAssignmentNode, createFunctionNode, createIndexNode, createNode, createObjectNode, createOperatorNode,
  createParenthesisNode, createParse, createRangeNode, createRelationalNode, createSymbolNode, type MathNode,
} from 'mathjs';

/**
 * mathjs's parser built from its factories with only what parsing needs. `create(all)`
 * or even `create({ parseDependencies })` builds typed functions for the whole numeric
 * tower (~300 ms on start-up); parsing needs none of them. Nothing here can evaluate:
 * the math namespace the nodes see is empty.
 */
type Signatures = Record<string, (...args: any[]) => unknown>;
const typed = Object.assign((_name: string, signatures: Signatures) => {
  const single = signatures.string!;
  return (expression: unknown) => {
    if (typeof expression !== 'string') throw new TypeError('String expected');
    return single(expression);
  };
}, { isTypedFunction: () => false, addConversion: () => undefined });

const unavailable = () => {
  throw new Error('evaluation is not available in rmos expressions');
};
const math = Object.freeze({});
const config = Object.freeze({ number: 'number', numberFallback: 'number', precision: 64, epsilon: 1e-12, matrix: 'Matrix', predictable: false, randomSeed: null });

const Node = createNode({ mathWithTransform: math });
const SymbolNode = createSymbolNode({ math, Node });
const deps = {
  typed,
  numeric: (value: string) => Number(value),
  config,
  Node,
  SymbolNode,
  AccessorNode: createAccessorNode({ subset: unavailable, Node }),
  ArrayNode: createArrayNode({ Node }),
  AssignmentNode: createAssignmentNode({ subset: unavailable, matrix: unavailable, Node }),
  BlockNode: createBlockNode({ ResultSet: class {}, Node }),
  ConditionalNode: createConditionalNode({ Node }),
  ConstantNode: createConstantNode({ Node, isBounded: () => true }),
  FunctionAssignmentNode: createFunctionAssignmentNode({ typed, Node }),
  FunctionNode: createFunctionNode({ math, Node, SymbolNode }),
  IndexNode: createIndexNode({ Node, size: unavailable }),
  ObjectNode: createObjectNode({ Node }),
  OperatorNode: createOperatorNode({ Node }),
  ParenthesisNode: createParenthesisNode({ Node }),
  RangeNode: createRangeNode({ Node }),
  RelationalNode: createRelationalNode({ Node }),
};

export const mathParse = createParse(deps) as unknown as (expression: string) => MathNode;
