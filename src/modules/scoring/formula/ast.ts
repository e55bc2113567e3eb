/**
 * AST and error types of the indicator formula language.
 * Every node carries `start`/`end` offsets (0-based, end exclusive) into the source text.
 */

export type ArithmeticOp = '+' | '-' | '*' | '/';
export type ComparisonOp = '<' | '<=' | '>' | '>=' | '=' | '!=';
export type BinaryOp = ArithmeticOp | ComparisonOp;
export type AggregateName = 'min' | 'max' | 'avg' | 'sum';
export type FunctionName = AggregateName | 'if';

export interface NumNode {
  kind: 'num';
  value: number;
  start: number;
  end: number;
}

export interface RefNode {
  kind: 'ref';
  name: string;
  start: number;
  end: number;
}

export interface UnaryNode {
  kind: 'unary';
  op: '-';
  operand: Ast;
  start: number;
  end: number;
}

export interface BinaryNode {
  kind: 'binary';
  op: BinaryOp;
  left: Ast;
  right: Ast;
  start: number;
  end: number;
}

export interface CallNode {
  kind: 'call';
  name: FunctionName;
  args: Ast[];
  start: number;
  end: number;
}

export type Ast = NumNode | RefNode | UnaryNode | BinaryNode | CallNode;

export const AGGREGATES: readonly AggregateName[] = ['min', 'max', 'avg', 'sum'];
export const FUNCTIONS: readonly FunctionName[] = [...AGGREGATES, 'if'];

export const COMPARISON_OPS: readonly ComparisonOp[] = ['<', '<=', '>', '>=', '=', '!='];

export function isComparisonOp(op: string): op is ComparisonOp {
  return (COMPARISON_OPS as readonly string[]).includes(op);
}

/** A syntax error with a 0-based offset and a Russian message of the form «Позиция N: …». */
export class FormulaSyntaxError extends Error {
  readonly position: number;
  /** The message without the «Позиция N: » prefix. */
  readonly reason: string;

  constructor(position: number, reason: string) {
    super(`Позиция ${position}: ${reason}`);
    this.name = 'FormulaSyntaxError';
    this.position = position;
    this.reason = reason;
  }
}
