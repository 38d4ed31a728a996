/**
 * A small, safe expression language for functions of one variable x (no eval):
 *   numbers, x, pi, e, + - * / ^ (power, right-associative), unary minus, parentheses,
 *   sin cos tan exp log sqrt abs tanh.
 * parseExpr returns a compiled function or throws ExprError with a message that says where.
 */
import { parseErrorOf } from './params';

export class ExprError extends Error {}

type Node =
  | { t: 'num'; v: number }
  | { t: 'x' }
  | { t: 'neg'; a: Node }
  | { t: 'bin'; op: '+' | '-' | '*' | '/' | '^'; a: Node; b: Node }
  | { t: 'call'; f: string; a: Node };

const FUNCS: Record<string, (v: number) => number> = {
  sin: Math.sin,
  cos: Math.cos,
  tan: Math.tan,
  exp: Math.exp,
  log: Math.log,
  sqrt: Math.sqrt,
  abs: Math.abs,
  tanh: Math.tanh,
};
const CONSTS: Record<string, number> = { pi: Math.PI, e: Math.E };

interface Tok {
  kind: 'num' | 'id' | 'op' | 'lp' | 'rp' | 'end';
  text: string;
  pos: number;
}

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const num = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(src.slice(i));
    if (num) {
      out.push({ kind: 'num', text: num[0], pos: i });
      i += num[0].length;
      continue;
    }
    const id = /^[A-Za-z_][A-Za-z_0-9]*/.exec(src.slice(i));
    if (id) {
      out.push({ kind: 'id', text: id[0], pos: i });
      i += id[0].length;
      continue;
    }
    if ('+-*/^'.includes(ch)) out.push({ kind: 'op', text: ch, pos: i });
    else if (ch === '(') out.push({ kind: 'lp', text: ch, pos: i });
    else if (ch === ')') out.push({ kind: 'rp', text: ch, pos: i });
    else throw new ExprError(`unexpected character "${ch}" at position ${i + 1}`);
    i++;
  }
  out.push({ kind: 'end', text: '', pos: src.length });
  return out;
}

export function parseExprTree(src: string): Node {
  if (src.trim() === '') throw new ExprError('empty: write a function of x, e.g. x^2 or sin(3*x)');
  if (src.length > 200) throw new ExprError('too long (at most 200 characters)');
  const toks = tokenize(src);
  let k = 0;
  let depth = 0;
  const peek = () => toks[k];
  const next = () => toks[k++];
  const expect = (kind: Tok['kind'], what: string) => {
    const t = next();
    if (t.kind !== kind) throw new ExprError(`expected ${what} at position ${t.pos + 1}${t.text ? ` (found "${t.text}")` : ' (end of input)'}`);
    return t;
  };
  // expr := term (('+'|'-') term)* ; term := unary (('*'|'/') unary)* ; unary := '-' unary | power ;
  // power := atom ('^' unary)?
  /** operand (op operand)*, grouped from the left, for the operators in `ops`. */
  function leftChain(ops: readonly ('+' | '-' | '*' | '/')[], operand: () => Node): Node {
    let a = operand();
    while (peek().kind === 'op' && (ops as readonly string[]).includes(peek().text)) {
      const op = next().text as (typeof ops)[number];
      a = { t: 'bin', op, a, b: operand() };
    }
    return a;
  }
  function expr(): Node {
    return leftChain(['+', '-'], term);
  }
  function term(): Node {
    return leftChain(['*', '/'], unary);
  }
  function unary(): Node {
    if (peek().kind === 'op' && (peek().text === '-' || peek().text === '+')) {
      const op = next().text;
      const a = unary();
      return op === '-' ? { t: 'neg', a } : a;
    }
    return power();
  }
  function power(): Node {
    const a = atom();
    if (peek().kind === 'op' && peek().text === '^') {
      next();
      return { t: 'bin', op: '^', a, b: unary() };
    }
    return a;
  }
  function atom(): Node {
    if (++depth > 60) throw new ExprError('too deeply nested');
    const t = next();
    try {
      if (t.kind === 'num') return { t: 'num', v: Number(t.text) };
      if (t.kind === 'lp') {
        const a = expr();
        expect('rp', '")"');
        return a;
      }
      if (t.kind === 'id') {
        const name = t.text.toLowerCase();
        if (name === 'x') return { t: 'x' };
        if (Object.prototype.hasOwnProperty.call(CONSTS, name)) return { t: 'num', v: CONSTS[name] };
        if (Object.prototype.hasOwnProperty.call(FUNCS, name)) {
          expect('lp', `"(" after ${name}`);
          const a = expr();
          expect('rp', '")"');
          return { t: 'call', f: name, a };
        }
        throw new ExprError(`unknown name "${t.text}" at position ${t.pos + 1}: use x, pi, e or ${Object.keys(FUNCS).join(', ')}`);
      }
      throw new ExprError(t.kind === 'end' ? 'the expression ends too early' : `unexpected "${t.text}" at position ${t.pos + 1}`);
    } finally {
      depth--;
    }
  }
  const tree = expr();
  if (peek().kind !== 'end') throw new ExprError(`unexpected "${peek().text}" at position ${peek().pos + 1}`);
  return tree;
}

function compile(n: Node): (x: number) => number {
  switch (n.t) {
    case 'num': {
      const v = n.v;
      return () => v;
    }
    case 'x':
      return (x) => x;
    case 'neg': {
      const a = compile(n.a);
      return (x) => -a(x);
    }
    case 'call': {
      const f = FUNCS[n.f];
      const a = compile(n.a);
      return (x) => f(a(x));
    }
    case 'bin': {
      const a = compile(n.a);
      const b = compile(n.b);
      switch (n.op) {
        case '+':
          return (x) => a(x) + b(x);
        case '-':
          return (x) => a(x) - b(x);
        case '*':
          return (x) => a(x) * b(x);
        case '/':
          return (x) => a(x) / b(x);
        case '^':
          return (x) => Math.pow(a(x), b(x));
      }
    }
  }
}

export function parseExpr(src: string): (x: number) => number {
  return compile(parseExprTree(src));
}

/** Error message for a text field, or null when the expression parses. */
export const exprError = parseErrorOf(parseExpr);
