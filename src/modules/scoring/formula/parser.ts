/**
 * Recursive-descent parser of the indicator formula language.
 *
 * Grammar (lowest to highest precedence):
 *   formula    := comparison EOF
 *   comparison := additive ( ('<' | '<=' | '>' | '>=' | '=' | '!=') additive )?   -- non-associative
 *   additive   := multiplicative ( ('+' | '-') multiplicative )*                  -- left-associative
 *   multiplicative := unary ( ('*' | '×' | '/' | '÷') unary )*                    -- left-associative
 *   unary      := '-' unary | primary
 *   primary    := NUMBER | IDENT | IDENT '(' args ')' | '(' comparison ')'
 *   args       := comparison ( ',' comparison )*
 * Functions: min, max, avg, sum (1+ arguments), if(cond, then, else).
 */
import {
  AGGREGATES,
  FUNCTIONS,
  FormulaSyntaxError,
  isComparisonOp,
  type Ast,
  type BinaryOp,
  type FunctionName,
} from './ast.js';
import { tokenize, type Token } from './lexer.js';

export const MAX_NESTING = 100;

class Parser {
  private index = 0;
  private depth = 0;

  constructor(private readonly tokens: Token[]) {}

  parseFormula(): Ast {
    if (this.peek().kind === 'eof') throw new FormulaSyntaxError(0, 'пустая формула');
    const ast = this.parseComparison();
    const t = this.peek();
    if (t.kind !== 'eof') {
      if (t.kind === 'rparen') throw new FormulaSyntaxError(t.start, 'лишняя закрывающая скобка');
      if (t.kind === 'comma') {
        const prev = this.tokens[this.index - 1];
        const nextTok = this.tokens[this.index + 1];
        if (prev?.kind === 'num' && nextTok?.kind === 'num' && prev.end === t.start && nextTok.start === t.end) {
          throw new FormulaSyntaxError(t.start, 'дробную часть отделяйте точкой, а не запятой');
        }
        throw new FormulaSyntaxError(t.start, 'запятая допустима только между аргументами функции');
      }
      throw new FormulaSyntaxError(t.start, `ожидался оператор, а найдено «${t.text}»`);
    }
    return ast;
  }

  private peek(): Token {
    return this.tokens[this.index] as Token;
  }

  private next(): Token {
    const t = this.peek();
    if (t.kind !== 'eof') this.index++;
    return t;
  }

  private isOp(...ops: string[]): boolean {
    const t = this.peek();
    return t.kind === 'op' && ops.includes(t.text);
  }

  private enter(position: number): void {
    this.depth++;
    if (this.depth > MAX_NESTING) throw new FormulaSyntaxError(position, 'слишком глубокая вложенность');
  }

  private leave(): void {
    this.depth--;
  }

  private parseComparison(): Ast {
    const left = this.parseAdditive();
    const t = this.peek();
    if (t.kind !== 'op' || !isComparisonOp(t.text)) return left;
    this.next();
    const right = this.parseAdditive();
    const after = this.peek();
    if (after.kind === 'op' && isComparisonOp(after.text)) {
      throw new FormulaSyntaxError(after.start, 'сравнения нельзя записывать цепочкой — расставьте скобки');
    }
    return { kind: 'binary', op: t.text, left, right, start: left.start, end: right.end };
  }

  private parseAdditive(): Ast {
    let left = this.parseMultiplicative();
    while (this.isOp('+', '-')) {
      const op = this.next().text as BinaryOp;
      const right = this.parseMultiplicative();
      left = { kind: 'binary', op, left, right, start: left.start, end: right.end };
    }
    return left;
  }

  private parseMultiplicative(): Ast {
    let left = this.parseUnary();
    while (this.isOp('*', '/')) {
      const op = this.next().text as BinaryOp;
      const right = this.parseUnary();
      left = { kind: 'binary', op, left, right, start: left.start, end: right.end };
    }
    return left;
  }

  private parseUnary(): Ast {
    if (this.isOp('-')) {
      const minus = this.next();
      this.enter(minus.start);
      const operand = this.parseUnary();
      this.leave();
      return { kind: 'unary', op: '-', operand, start: minus.start, end: operand.end };
    }
    return this.parsePrimary();
  }

  private parsePrimary(): Ast {
    const t = this.peek();
    switch (t.kind) {
      case 'num':
        this.next();
        return { kind: 'num', value: t.value as number, start: t.start, end: t.end };
      case 'ident':
        this.next();
        if (this.peek().kind === 'lparen') return this.parseCall(t);
        return { kind: 'ref', name: t.text, start: t.start, end: t.end };
      case 'lparen': {
        this.next();
        this.enter(t.start);
        const inner = this.parseComparison();
        const close = this.peek();
        if (close.kind !== 'rparen') throw new FormulaSyntaxError(close.start, 'ожидалась закрывающая скобка');
        this.next();
        this.leave();
        return { ...inner, start: t.start, end: close.end };
      }
      case 'eof':
        throw new FormulaSyntaxError(t.start, 'формула обрывается: ожидалось число, показатель или открывающая скобка');
      default:
        throw new FormulaSyntaxError(
          t.start,
          `ожидалось число, показатель или открывающая скобка, а найдено «${t.text}»`,
        );
    }
  }

  private parseCall(nameToken: Token): Ast {
    const name = nameToken.text.toLowerCase();
    if (!(FUNCTIONS as readonly string[]).includes(name)) {
      throw new FormulaSyntaxError(nameToken.start, `неизвестная функция «${nameToken.text}»`);
    }
    const fn = name as FunctionName;
    const open = this.next();
    this.enter(open.start);
    const args: Ast[] = [];
    if (this.peek().kind !== 'rparen') {
      for (;;) {
        args.push(this.parseComparison());
        if (this.peek().kind !== 'comma') break;
        this.next();
      }
    }
    const close = this.peek();
    if (close.kind !== 'rparen') {
      throw new FormulaSyntaxError(
        close.start,
        close.kind === 'eof' ? 'ожидалась закрывающая скобка' : 'ожидалась запятая или закрывающая скобка',
      );
    }
    this.next();
    this.leave();
    if (fn === 'if' && args.length !== 3) {
      throw new FormulaSyntaxError(
        nameToken.start,
        `функция «if» принимает 3 аргумента (условие, значение если да, значение если нет), а передано ${args.length}`,
      );
    }
    if ((AGGREGATES as readonly string[]).includes(fn) && args.length === 0) {
      throw new FormulaSyntaxError(nameToken.start, `функция «${fn}» требует хотя бы один аргумент`);
    }
    return { kind: 'call', name: fn, args, start: nameToken.start, end: close.end };
  }
}

/** Parses formula text into an AST. Throws FormulaSyntaxError. */
export function parseFormula(text: string): Ast {
  return new Parser(tokenize(text)).parseFormula();
}

export type TryParseResult =
  | { ok: true; ast: Ast }
  | { ok: false; error: { position: number; message: string } };

/** Like parseFormula, but returns the syntax error instead of throwing it. */
export function tryParseFormula(text: string): TryParseResult {
  try {
    return { ok: true, ast: parseFormula(text) };
  } catch (e) {
    if (e instanceof FormulaSyntaxError) return { ok: false, error: { position: e.position, message: e.message } };
    throw e;
  }
}
