/**
 * Rendering of formula ASTs: canonical text, Russian derivations, referenced names.
 */
import { isComparisonOp, type Ast, type BinaryOp } from './ast.js';
import { evaluate, type EvaluateOptions, type Resolver } from './evaluate.js';

export const MISSING_TEXT = 'нет данных';

const PREC_COMPARISON = 1;
const PREC_ADDITIVE = 2;
const PREC_MULTIPLICATIVE = 3;
const PREC_UNARY = 4;
const PREC_PRIMARY = 5;

function binaryPrecedence(op: BinaryOp): number {
  if (isComparisonOp(op)) return PREC_COMPARISON;
  return op === '+' || op === '-' ? PREC_ADDITIVE : PREC_MULTIPLICATIVE;
}

function precedence(node: Ast): number {
  if (node.kind === 'binary') return binaryPrecedence(node.op);
  if (node.kind === 'unary') return PREC_UNARY;
  return PREC_PRIMARY;
}

interface Printer {
  num(value: number): string;
  ref(name: string): string;
  argSeparator: string;
}

/** Prints with the minimal parentheses needed for the parser to rebuild the same tree. */
function print(node: Ast, p: Printer): string {
  const wrap = (child: Ast, needParens: boolean): string => {
    const s = print(child, p);
    return needParens ? `(${s})` : s;
  };
  switch (node.kind) {
    case 'num':
      return p.num(node.value);
    case 'ref':
      return p.ref(node.name);
    case 'unary':
      return `-${wrap(node.operand, precedence(node.operand) < PREC_UNARY)}`;
    case 'binary': {
      const prec = binaryPrecedence(node.op);
      // Left associativity: an equal-precedence right child needs parentheses.
      // Comparisons are non-associative: an equal-precedence child on either side does.
      const leftNeeds = prec === PREC_COMPARISON ? precedence(node.left) <= prec : precedence(node.left) < prec;
      const rightNeeds = precedence(node.right) <= prec;
      return `${wrap(node.left, leftNeeds)} ${node.op} ${wrap(node.right, rightNeeds)}`;
    }
    case 'call':
      return `${node.name}(${node.args.map((a) => print(a, p)).join(p.argSeparator)})`;
  }
}

/** Plain decimal notation (no exponent) that the lexer accepts. */
function plainDecimal(value: number): string {
  const s = String(value);
  if (!/e/i.test(s)) return s;
  return value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 100 });
}

/** Canonical formula text with minimal parentheses; parsing it yields the same tree. */
export function formatFormula(ast: Ast): string {
  return print(ast, { num: plainDecimal, ref: (name) => name, argSeparator: ', ' });
}

/**
 * Russian number format: decimal comma, at most 2 decimals, trailing zeros trimmed.
 * 75.8333 → «75,83», 77.5 → «77,5», 75 → «75».
 */
export function formatNumberRu(value: number): string {
  if (!Number.isFinite(value)) return MISSING_TEXT;
  let s = value.toFixed(2);
  if (s.includes('.')) s = s.replace(/0+$/, '').replace(/\.$/, '');
  if (s === '-0') s = '0';
  return s.replace('.', ',');
}

/** Constants of the formula are shown exactly, only with a decimal comma. */
function formatConstantRu(value: number): string {
  return plainDecimal(value).replace('.', ',');
}

/**
 * Russian derivation: the formula with each reference replaced by its value, then «= result».
 * E.g. `(P1.1 + P1.2 + P1.3) / 3` → «(77,5 + 75 + 75) / 3 = 75,83». Missing values read «нет данных».
 * Function arguments are separated by «; » because the comma is the decimal separator.
 */
export function explain(ast: Ast, resolve: Resolver, options: EvaluateOptions = {}): string {
  const substituted = print(ast, {
    num: formatConstantRu,
    ref: (name) => {
      const v = resolve(name);
      if (typeof v !== 'number' || !Number.isFinite(v)) return MISSING_TEXT;
      const s = formatNumberRu(v);
      return v < 0 && s !== '0' ? `(${s})` : s;
    },
    argSeparator: '; ',
  });
  const result = evaluate(ast, resolve, options);
  const resultText = result === null ? MISSING_TEXT : formatNumberRu(result);
  return substituted === resultText ? resultText : `${substituted} = ${resultText}`;
}

/** Unique referenced names in order of first appearance. */
export function references(ast: Ast): string[] {
  const seen = new Set<string>();
  const walk = (node: Ast): void => {
    switch (node.kind) {
      case 'ref':
        seen.add(node.name);
        return;
      case 'unary':
        walk(node.operand);
        return;
      case 'binary':
        walk(node.left);
        walk(node.right);
        return;
      case 'call':
        node.args.forEach(walk);
        return;
      case 'num':
        return;
    }
  };
  walk(ast);
  return [...seen];
}
