/** Public API of the indicator formula language (pure, no I/O). */
export type {
  AggregateName,
  ArithmeticOp,
  Ast,
  BinaryNode,
  BinaryOp,
  CallNode,
  ComparisonOp,
  FunctionName,
  NumNode,
  RefNode,
  UnaryNode,
} from './ast.js';
export { FormulaSyntaxError } from './ast.js';
export { parseFormula, tryParseFormula, type TryParseResult } from './parser.js';
export { evaluate, type EvaluateOptions, type MissingPolicy, type Resolver } from './evaluate.js';
export { explain, formatFormula, formatNumberRu, references, MISSING_TEXT } from './explain.js';
