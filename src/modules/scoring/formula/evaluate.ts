/**
 * Evaluation of a formula AST with explicit missing values (null).
 * Never produces NaN or ±Infinity: such outcomes become null.
 */
import type { AggregateName, Ast, ComparisonOp } from './ast.js';

/** How aggregate functions (min, max, avg, sum) treat missing arguments. */
export type MissingPolicy = 'skip' | 'zero' | 'propagate';

export interface EvaluateOptions {
  /** Missing-child policy for aggregates; default 'propagate'. */
  missingPolicy?: MissingPolicy;
}

/** Looks up the value of an input or another node by name; null/undefined means "no data". */
export type Resolver = (name: string) => number | null | undefined;

/** Relative tolerance used by `=`, `!=`, `<=`, `>=` (and strictness of `<`, `>`). */
export const EQUALITY_TOLERANCE = 1e-9;

const finiteOrNull = (x: number): number | null => (Number.isFinite(x) ? (x === 0 ? 0 : x) : null);

export function approxEqual(a: number, b: number): boolean {
  return Math.abs(a - b) <= EQUALITY_TOLERANCE * Math.max(1, Math.abs(a), Math.abs(b));
}

export function compare(op: ComparisonOp, a: number, b: number): boolean {
  const eq = approxEqual(a, b);
  switch (op) {
    case '=':
      return eq;
    case '!=':
      return !eq;
    case '<':
      return !eq && a < b;
    case '<=':
      return eq || a < b;
    case '>':
      return !eq && a > b;
    case '>=':
      return eq || a > b;
  }
}

export function aggregate(name: AggregateName, values: (number | null)[], policy: MissingPolicy): number | null {
  let present: number[];
  if (policy === 'propagate') {
    if (values.some((v) => v === null)) return null;
    present = values as number[];
  } else if (policy === 'zero') {
    present = values.map((v) => v ?? 0);
  } else {
    present = values.filter((v): v is number => v !== null);
  }
  if (present.length === 0) return null;
  switch (name) {
    case 'min':
      return finiteOrNull(Math.min(...present));
    case 'max':
      return finiteOrNull(Math.max(...present));
    case 'sum':
      return finiteOrNull(present.reduce((s, v) => s + v, 0));
    case 'avg':
      return finiteOrNull(present.reduce((s, v) => s + v, 0) / present.length);
  }
}

/** Evaluates the AST; returns a finite number or null (no value). */
export function evaluate(ast: Ast, resolve: Resolver, options: EvaluateOptions = {}): number | null {
  const policy = options.missingPolicy ?? 'propagate';
  const ev = (node: Ast): number | null => {
    switch (node.kind) {
      case 'num':
        return finiteOrNull(node.value);
      case 'ref': {
        const v = resolve(node.name);
        return typeof v === 'number' ? finiteOrNull(v) : null;
      }
      case 'unary': {
        const v = ev(node.operand);
        return v === null ? null : finiteOrNull(-v);
      }
      case 'binary': {
        const a = ev(node.left);
        const b = ev(node.right);
        if (a === null || b === null) return null;
        switch (node.op) {
          case '+':
            return finiteOrNull(a + b);
          case '-':
            return finiteOrNull(a - b);
          case '*':
            return finiteOrNull(a * b);
          case '/':
            return b === 0 ? null : finiteOrNull(a / b);
          default:
            return compare(node.op, a, b) ? 1 : 0;
        }
      }
      case 'call': {
        if (node.name === 'if') {
          const [cond, then, otherwise] = node.args;
          if (cond === undefined || then === undefined || otherwise === undefined) return null;
          const c = ev(cond);
          if (c === null) return null;
          return c !== 0 ? ev(then) : ev(otherwise);
        }
        return aggregate(node.name, node.args.map(ev), policy);
      }
    }
  };
  return ev(ast);
}
