import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  FormulaSyntaxError,
  evaluate,
  explain,
  formatFormula,
  formatNumberRu,
  parseFormula,
  references,
  tryParseFormula,
  type AggregateName,
  type Ast,
  type BinaryOp,
  type MissingPolicy,
} from './index.js';

type Env = Record<string, number | null>;
const resolverOf = (env: Env) => (name: string) => env[name];
const calc = (text: string, env: Env = {}, missingPolicy?: MissingPolicy) =>
  evaluate(parseFormula(text), resolverOf(env), { missingPolicy });

/** Removes positions so trees can be compared structurally. */
function shape(node: Ast): unknown {
  switch (node.kind) {
    case 'num':
      return { kind: 'num', value: node.value };
    case 'ref':
      return { kind: 'ref', name: node.name };
    case 'unary':
      return { kind: 'unary', op: node.op, operand: shape(node.operand) };
    case 'binary':
      return { kind: 'binary', op: node.op, left: shape(node.left), right: shape(node.right) };
    case 'call':
      return { kind: 'call', name: node.name, args: node.args.map(shape) };
  }
}

function close(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

describe('formula: arithmetic, precedence and associativity', () => {
  const cases: [string, number][] = [
    ['8 / 4 / 2', 1],
    ['2 - 3 - 4', -5],
    ['2 + 3 * 4', 14],
    ['-2 * 3', -6],
    ['2 * -3', -6],
    ['(2+3)*4', 20],
    ['2 × 3 ÷ 4', 1.5],
    ['10 − 4', 6],
    ['- -2', 2],
    ['-(2 + 3) * 2', -10],
    ['0.25 * 4', 1],
    ['2 + 3 * 4 - 6 / 2', 11],
  ];
  for (const [text, expected] of cases) {
    it(`${text} = ${expected}`, () => assert.equal(calc(text), expected));
  }

  it('builds a left-associative tree with positions', () => {
    const ast = parseFormula('8 / 4 / 2');
    assert.deepEqual(shape(ast), {
      kind: 'binary',
      op: '/',
      left: { kind: 'binary', op: '/', left: { kind: 'num', value: 8 }, right: { kind: 'num', value: 4 } },
      right: { kind: 'num', value: 2 },
    });
    assert.equal(ast.start, 0);
    assert.equal(ast.end, 9);
    const paren = parseFormula(' (1 + 2) * 3');
    assert.ok(paren.kind === 'binary');
    assert.equal(paren.left.start, 1);
    assert.equal(paren.left.end, 8);
  });
});

describe('formula: comparisons and if', () => {
  const cases: [string, number][] = [
    ['1 < 2', 1],
    ['2 < 1', 0],
    ['2 <= 2', 1],
    ['3 > 2', 1],
    ['2 >= 3', 0],
    ['2 = 2', 1],
    ['2 != 2', 0],
    ['0.1 + 0.2 = 0.3', 1],
    ['1 + 1 > 1', 1],
    ['if(1 < 2, 10, 20)', 10],
    ['if(0, 10, 20)', 20],
    ['if(-3, 10, 20)', 10],
    ['(1 < 2) + (3 < 4)', 2],
  ];
  for (const [text, expected] of cases) {
    it(`${text} = ${expected}`, () => assert.equal(calc(text), expected));
  }
  it('if evaluates only the chosen branch and needs a condition', () => {
    assert.equal(calc('if(A > 50, 100, X / 0)', { A: 60 }), 100);
    assert.equal(calc('if(A > 50, 100, 0)', { A: null }), null);
    assert.equal(calc('if(A > 50, 100, 0)', {}), null);
  });
  it('comparison with a missing operand is null', () => {
    assert.equal(calc('A < 1', { A: null }), null);
    assert.equal(calc('1 = B', {}), null);
  });
});

describe('formula: functions', () => {
  it('min, max, avg, sum', () => {
    assert.equal(calc('min(3, 1, 2)'), 1);
    assert.equal(calc('max(3, 1, 2)'), 3);
    assert.equal(calc('avg(1, 2, 6)'), 3);
    assert.equal(calc('sum(1, 2, 6)'), 9);
    assert.equal(calc('sum(5)'), 5);
    assert.equal(calc('MAX(1, 2)'), 2);
    assert.equal(calc('avg(A, B) * 2', { A: 1, B: 2 }), 3);
  });
});

describe('formula: nulls', () => {
  it('division by zero or by a missing value is null', () => {
    assert.equal(calc('1 / 0'), null);
    assert.equal(calc('A / B', { A: 1, B: 0 }), null);
    assert.equal(calc('A / B', { A: 1, B: null }), null);
    assert.equal(calc('A / (B - B)', { A: 1, B: 5 }), null);
    assert.equal(calc('0 / 5'), 0);
  });
  it('missing references make arithmetic null', () => {
    assert.equal(calc('A + 1', {}), null);
    assert.equal(calc('A * 0', { A: null }), null);
    assert.equal(calc('-A', { A: null }), null);
    assert.equal(calc('A + 1', { A: Number.NaN }), null);
  });
  it('overflow gives null, not Infinity', () => {
    assert.equal(calc('A * A', { A: 1e308 }), null);
  });

  const env: Env = { A: 4, B: null, C: 2 };
  const policyCases: [AggregateName, MissingPolicy, number | null][] = [
    ['avg', 'skip', 3],
    ['avg', 'zero', 2],
    ['avg', 'propagate', null],
    ['sum', 'skip', 6],
    ['sum', 'zero', 6],
    ['sum', 'propagate', null],
    ['min', 'skip', 2],
    ['min', 'zero', 0],
    ['min', 'propagate', null],
    ['max', 'skip', 4],
    ['max', 'zero', 4],
    ['max', 'propagate', null],
  ];
  for (const [fn, policy, expected] of policyCases) {
    it(`${fn}(A, B, C) with policy ${policy} = ${expected}`, () => {
      assert.equal(calc(`${fn}(A, B, C)`, env, policy), expected);
    });
  }
  it('default policy is propagate; skip with all missing is null; zero with all missing is 0', () => {
    assert.equal(calc('sum(A, B)', env), null);
    assert.equal(calc('avg(B, D)', env, 'skip'), null);
    assert.equal(calc('avg(B, D)', env, 'zero'), 0);
    assert.equal(calc('sum(1 / 0, 2)', {}, 'skip'), 2);
  });
});

describe('formula: syntax errors', () => {
  const cases: [string, number, string][] = [
    ['', 0, 'Позиция 0: пустая формула'],
    ['   ', 0, 'Позиция 0: пустая формула'],
    ['(2 + 3', 6, 'Позиция 6: ожидалась закрывающая скобка'],
    ['(A + (B * 2)', 12, 'Позиция 12: ожидалась закрывающая скобка'],
    ['2 + 3)', 5, 'Позиция 5: лишняя закрывающая скобка'],
    ['2 +', 3, 'Позиция 3: формула обрывается: ожидалось число, показатель или открывающая скобка'],
    ['2 * / 3', 4, 'Позиция 4: ожидалось число, показатель или открывающая скобка, а найдено «/»'],
    ['1 + mean(A, B)', 4, 'Позиция 4: неизвестная функция «mean»'],
    ['a < b < c', 6, 'Позиция 6: сравнения нельзя записывать цепочкой — расставьте скобки'],
    ['A # B', 2, 'Позиция 2: недопустимый символ «#»'],
    ['if(A, B)', 0, 'Позиция 0: функция «if» принимает 3 аргумента (условие, значение если да, значение если нет), а передано 2'],
    ['sum()', 0, 'Позиция 0: функция «sum» требует хотя бы один аргумент'],
    ['0,25', 1, 'Позиция 1: дробную часть отделяйте точкой, а не запятой'],
    ['2 3', 2, 'Позиция 2: ожидался оператор, а найдено «3»'],
    ['1. + 2', 2, 'Позиция 2: после десятичной точки ожидалась цифра'],
    ['min(1 2)', 6, 'Позиция 6: ожидалась запятая или закрывающая скобка'],
    ['A ! B', 2, 'Позиция 2: недопустимый символ «!»'],
  ];
  for (const [text, position, message] of cases) {
    it(`«${text}» → ${message}`, () => {
      assert.throws(
        () => parseFormula(text),
        (e: unknown) => e instanceof FormulaSyntaxError && e.position === position && e.message === message,
      );
      assert.deepEqual(tryParseFormula(text), { ok: false, error: { position, message } });
    });
  }
  it('rejects excessive nesting instead of overflowing the stack', () => {
    const r = tryParseFormula('('.repeat(5000) + '1' + ')'.repeat(5000));
    assert.equal(r.ok, false);
  });
  it('tryParseFormula returns the tree on success', () => {
    const r = tryParseFormula('A + 1');
    assert.ok(r.ok);
    assert.equal(r.ast.kind, 'binary');
  });
});

describe('formula: seed-002 style formulas', () => {
  it('A / B * 100', () => assert.equal(calc('A / B * 100', { A: 40, B: 50 }), 80));
  it('n * 0.25 * 100', () => assert.equal(calc('n * 0.25 * 100', { n: 3 }), 75));
  it('average of eight P2.x over 7', () => {
    const text = '(P2.1 + P2.2 + P2.3 + P2.4 + P2.5 + P2.6 + P2.7 + P2.8) / 7';
    const env: Env = { 'P2.1': 1, 'P2.2': 2, 'P2.3': 3, 'P2.4': 4, 'P2.5': 5, 'P2.6': 6, 'P2.7': 7, 'P2.8': 0 };
    assert.equal(calc(text, env), 4);
    assert.deepEqual(references(parseFormula(text)), ['P2.1', 'P2.2', 'P2.3', 'P2.4', 'P2.5', 'P2.6', 'P2.7', 'P2.8']);
  });
  it('identifiers with dots, digits, underscores and Cyrillic', () => {
    assert.equal(calc('P1.1.1 + доля_1 + Ж.2', { 'P1.1.1': 1, 'доля_1': 2, 'Ж.2': 3 }), 6);
    assert.deepEqual(references(parseFormula('A + B * A + min(C, B)')), ['A', 'B', 'C']);
  });
});

describe('formula: explain and formatting', () => {
  it('substitutes values in Russian format', () => {
    const ast = parseFormula('(P1.1 + P1.2 + P1.3) / 3');
    assert.equal(
      explain(ast, resolverOf({ 'P1.1': 77.5, 'P1.2': 75, 'P1.3': 75 }), {}),
      '(77,5 + 75 + 75) / 3 = 75,83',
    );
  });
  it('shows missing values and missing results', () => {
    const ast = parseFormula('avg(A, B) * 0.5');
    assert.equal(explain(ast, resolverOf({ A: 3 }), { missingPolicy: 'skip' }), 'avg(3; нет данных) * 0,5 = 1,5');
    assert.equal(explain(ast, resolverOf({ A: 3 }), {}), 'avg(3; нет данных) * 0,5 = нет данных');
    assert.equal(explain(parseFormula('A - B'), resolverOf({ A: 1, B: -2 }), {}), '1 - (-2) = 3');
  });
  it('formatNumberRu', () => {
    assert.equal(formatNumberRu(75.8333), '75,83');
    assert.equal(formatNumberRu(77.5), '77,5');
    assert.equal(formatNumberRu(75), '75');
    assert.equal(formatNumberRu(0.005), '0,01');
    assert.equal(formatNumberRu(-0.001), '0');
    assert.equal(formatNumberRu(-12.345), '-12,35');
  });
  it('formatFormula uses minimal parentheses', () => {
    const cases: [string, string][] = [
      ['(2 + 3) * 4', '(2 + 3) * 4'],
      ['((2 * 3)) + 4', '2 * 3 + 4'],
      ['2 - (3 - 4)', '2 - (3 - 4)'],
      ['(2 - 3) - 4', '2 - 3 - 4'],
      ['8 / (4 / 2)', '8 / (4 / 2)'],
      ['-(A + B)', '-(A + B)'],
      ['(a < b) < c', '(a < b) < c'],
      ['a<(b)', 'a < b'],
      ['if(a>b,min(1,2),MAX(3))', 'if(a > b, min(1, 2), max(3))'],
      ['2 × 3 ÷ 4', '2 * 3 / 4'],
    ];
    for (const [input, expected] of cases) assert.equal(formatFormula(parseFormula(input)), expected);
  });
});

// ---------------------------------------------------------------------------
// Randomised tests against an independent reference evaluator.

const ENV: Env = { A: 40, B: 0, C: null, n: 3, 'P1.1': 77.5, 'P2.3': -2.25, 'Ж.1': 7 };
const NAMES = [...Object.keys(ENV), 'missing'];

/** Straightforward reference semantics, written independently of evaluate.ts. */
function reference(node: Ast, env: Env, policy: MissingPolicy): number | null {
  const fin = (x: number) => (Number.isFinite(x) ? x : null);
  const eq = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  if (node.kind === 'num') return node.value;
  if (node.kind === 'ref') {
    const v = env[node.name];
    return v === undefined || v === null ? null : v;
  }
  if (node.kind === 'unary') {
    const v = reference(node.operand, env, policy);
    return v === null ? null : -v;
  }
  if (node.kind === 'binary') {
    const a = reference(node.left, env, policy);
    const b = reference(node.right, env, policy);
    if (a === null || b === null) return null;
    const table: Record<BinaryOp, () => number | null> = {
      '+': () => fin(a + b),
      '-': () => fin(a - b),
      '*': () => fin(a * b),
      '/': () => (b === 0 ? null : fin(a / b)),
      '=': () => (eq(a, b) ? 1 : 0),
      '!=': () => (eq(a, b) ? 0 : 1),
      '<': () => (a < b && !eq(a, b) ? 1 : 0),
      '>': () => (a > b && !eq(a, b) ? 1 : 0),
      '<=': () => (a < b || eq(a, b) ? 1 : 0),
      '>=': () => (a > b || eq(a, b) ? 1 : 0),
    };
    return table[node.op]();
  }
  if (node.name === 'if') {
    const c = reference(node.args[0] as Ast, env, policy);
    if (c === null) return null;
    return reference((c !== 0 ? node.args[1] : node.args[2]) as Ast, env, policy);
  }
  let vals = node.args.map((a) => reference(a, env, policy));
  if (policy === 'propagate' && vals.includes(null)) return null;
  if (policy === 'zero') vals = vals.map((v) => (v === null ? 0 : v));
  const xs = vals.filter((v): v is number => v !== null);
  if (xs.length === 0) return null;
  let total = 0;
  for (const x of xs) total += x;
  if (node.name === 'sum') return fin(total);
  if (node.name === 'avg') return fin(total / xs.length);
  let best = xs[0] as number;
  for (const x of xs) best = node.name === 'min' ? (x < best ? x : best) : x > best ? x : best;
  return best;
}

const at = { start: 0, end: 0 };
const numArb: fc.Arbitrary<Ast> = fc
  .oneof(fc.constant(0), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100_000 }).map((x) => x / 100))
  .map((value) => ({ kind: 'num', value, ...at }));
const refArb: fc.Arbitrary<Ast> = fc.constantFrom(...NAMES).map((name) => ({ kind: 'ref', name, ...at }));
const leafArb = fc.oneof(numArb, refArb);
const OPS: BinaryOp[] = ['+', '-', '*', '/', '<', '<=', '>', '>=', '=', '!='];

const byDepth: fc.Arbitrary<Ast>[] = [leafArb];
function astArb(depth: number): fc.Arbitrary<Ast> {
  const cached = byDepth[depth];
  if (cached) return cached;
  const sub = astArb(depth - 1);
  const arb = fc.oneof(
    { weight: 2, arbitrary: leafArb },
    { weight: 1, arbitrary: sub.map((operand): Ast => ({ kind: 'unary', op: '-', operand, ...at })) },
    {
      weight: 4,
      arbitrary: fc
        .tuple(fc.constantFrom(...OPS), sub, sub)
        .map(([op, left, right]): Ast => ({ kind: 'binary', op, left, right, ...at })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom<AggregateName>('min', 'max', 'avg', 'sum'), fc.array(sub, { minLength: 1, maxLength: 4 }))
        .map(([name, args]): Ast => ({ kind: 'call', name, args, ...at })),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(sub, sub, sub).map((args): Ast => ({ kind: 'call', name: 'if', args, ...at })),
    },
  );
  byDepth[depth] = arb;
  return arb;
}

describe('formula: randomised round trip and reference evaluator', () => {
  const policyArb = fc.constantFrom<MissingPolicy>('skip', 'zero', 'propagate');
  it('formatFormula → parseFormula rebuilds the same tree and value', () => {
    fc.assert(
      fc.property(astArb(5), policyArb, (ast, policy) => {
        const text = formatFormula(ast);
        const reparsed = parseFormula(text);
        assert.deepEqual(shape(reparsed), shape(ast), text);
        const resolve = resolverOf(ENV);
        const a = evaluate(ast, resolve, { missingPolicy: policy });
        const b = evaluate(reparsed, resolve, { missingPolicy: policy });
        assert.ok(close(a, b), `${text}: ${a} vs ${b}`);
        assert.equal(formatFormula(reparsed), text);
        assert.equal(typeof explain(reparsed, resolve, { missingPolicy: policy }), 'string');
      }),
      { numRuns: 500 },
    );
  });
  it('evaluate agrees with the reference evaluator', () => {
    fc.assert(
      fc.property(astArb(5), policyArb, (ast, policy) => {
        const actual = evaluate(ast, resolverOf(ENV), { missingPolicy: policy });
        const expected = reference(ast, ENV, policy);
        assert.ok(close(actual, expected), `${formatFormula(ast)} [${policy}]: ${actual} vs ${expected}`);
        assert.ok(actual === null || Number.isFinite(actual));
      }),
      { numRuns: 500 },
    );
  });
});
