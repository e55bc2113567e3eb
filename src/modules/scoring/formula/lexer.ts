import { FormulaSyntaxError } from './ast.js';

export type TokenKind = 'num' | 'ident' | 'op' | 'lparen' | 'rparen' | 'comma' | 'eof';

export interface Token {
  kind: TokenKind;
  /** Source text for num/ident; canonical operator for op (e.g. `×` → `*`). */
  text: string;
  /** Numeric value for `num` tokens. */
  value?: number;
  start: number;
  end: number;
}

export const MAX_FORMULA_LENGTH = 10_000;

const SINGLE_OPS: Record<string, string> = {
  '+': '+',
  '-': '-',
  '\u2212': '-', // − (minus sign)
  '*': '*',
  '\u00d7': '*', // ×
  '/': '/',
  '\u00f7': '/', // ÷
  '=': '=',
  '\u2264': '<=', // ≤
  '\u2265': '>=', // ≥
  '\u2260': '!=', // ≠
};

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isLetter = (c: string | undefined): boolean =>
  c !== undefined && /^[A-Za-z\u0400-\u04FF_]$/.test(c);
const isIdentPart = (c: string | undefined): boolean => isLetter(c) || isDigit(c);
const isSpace = (c: string): boolean => /^\s$/u.test(c);

/** Splits formula text into tokens. Throws FormulaSyntaxError on a character outside the language. */
export function tokenize(text: string): Token[] {
  if (text.length > MAX_FORMULA_LENGTH) {
    throw new FormulaSyntaxError(MAX_FORMULA_LENGTH, `формула длиннее ${MAX_FORMULA_LENGTH} символов`);
  }
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (isSpace(c)) {
      i++;
      continue;
    }
    const start = i;
    if (isDigit(c)) {
      while (isDigit(text[i])) i++;
      if (text[i] === '.') {
        i++;
        if (!isDigit(text[i])) {
          throw new FormulaSyntaxError(i, 'после десятичной точки ожидалась цифра');
        }
        while (isDigit(text[i])) i++;
      }
      const raw = text.slice(start, i);
      tokens.push({ kind: 'num', text: raw, value: Number(raw), start, end: i });
      continue;
    }
    if (isLetter(c)) {
      i++;
      for (;;) {
        if (isIdentPart(text[i])) i++;
        else if (text[i] === '.' && isIdentPart(text[i + 1])) i += 2;
        else break;
      }
      tokens.push({ kind: 'ident', text: text.slice(start, i), start, end: i });
      continue;
    }
    if (c === '(' || c === ')' || c === ',') {
      tokens.push({ kind: c === '(' ? 'lparen' : c === ')' ? 'rparen' : 'comma', text: c, start, end: i + 1 });
      i++;
      continue;
    }
    if (c === '<' || c === '>') {
      const op = text[i + 1] === '=' ? `${c}=` : c;
      i += op.length;
      tokens.push({ kind: 'op', text: op, start, end: i });
      continue;
    }
    if (c === '!' && text[i + 1] === '=') {
      i += 2;
      tokens.push({ kind: 'op', text: '!=', start, end: i });
      continue;
    }
    const single = SINGLE_OPS[c];
    if (single !== undefined) {
      i++;
      tokens.push({ kind: 'op', text: single, start, end: i });
      continue;
    }
    const shown = String.fromCodePoint(text.codePointAt(i) ?? 0);
    throw new FormulaSyntaxError(start, `недопустимый символ «${shown}»`);
  }
  tokens.push({ kind: 'eof', text: '', start: text.length, end: text.length });
  return tokens;
}
