/**
 * A parser for the part of Trino's SQL expression grammar that masks and row filters are written
 * in: literals, quoted and bare column names, function calls, CAST, searched CASE, `||`,
 * arithmetic `+ -`, comparisons, IN lists, IS [NOT] NULL and AND/OR/NOT, with Trino's precedence.
 * Anything else (subqueries, lambdas, other keywords) is a syntax error: the validator checks only
 * what it can read, and Meshwork writes nothing outside this subset.
 */

export type TrinoExpression =
  | { readonly kind: 'null' }
  | { readonly kind: 'boolean'; readonly value: boolean }
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'number'; readonly text: string }
  | { readonly kind: 'column'; readonly name: string }
  | { readonly kind: 'call'; readonly name: string; readonly args: readonly TrinoExpression[] }
  | { readonly kind: 'cast'; readonly operand: TrinoExpression; readonly type: string }
  | {
      readonly kind: 'case';
      readonly whens: readonly { readonly when: TrinoExpression; readonly then: TrinoExpression }[];
      readonly otherwise?: TrinoExpression;
    }
  | {
      readonly kind: 'binary';
      readonly operator: string;
      readonly left: TrinoExpression;
      readonly right: TrinoExpression;
    }
  | { readonly kind: 'negate'; readonly operand: TrinoExpression }
  | { readonly kind: 'not'; readonly operand: TrinoExpression }
  | { readonly kind: 'isNull'; readonly negated: boolean; readonly operand: TrinoExpression }
  | {
      readonly kind: 'in';
      readonly negated: boolean;
      readonly operand: TrinoExpression;
      readonly list: readonly TrinoExpression[];
    };

export class TrinoSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(`${message} at character ${offset + 1}`);
  }
}

type Token =
  | { readonly kind: 'word'; readonly text: string; readonly at: number }
  | { readonly kind: 'quoted'; readonly text: string; readonly at: number }
  | { readonly kind: 'string'; readonly text: string; readonly at: number }
  | { readonly kind: 'number'; readonly text: string; readonly at: number }
  | { readonly kind: 'symbol'; readonly text: string; readonly at: number }
  | { readonly kind: 'end'; readonly text: ''; readonly at: number };

const SYMBOLS = ['||', '<>', '!=', '<=', '>=', '(', ')', ',', '=', '<', '>', '+', '-', '*', '/'];
const RESERVED = new Set([
  'and',
  'or',
  'not',
  'in',
  'is',
  'null',
  'true',
  'false',
  'case',
  'when',
  'then',
  'else',
  'end',
  'cast',
  'as',
]);

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const quoted = (quote: string, start: number): string => {
    let value = '';
    i = start + 1;
    for (;;) {
      if (i >= text.length)
        throw new TrinoSyntaxError(`unterminated ${quote === "'" ? 'string' : 'identifier'}`, start);
      if (text[i] === quote) {
        if (text[i + 1] === quote) {
          value += quote;
          i += 2;
          continue;
        }
        i++;
        return value;
      }
      value += text[i++];
    }
  };
  while (i < text.length) {
    const c = text[i]!;
    const at = i;
    if (/\s/.test(c)) {
      i++;
    } else if (c === "'") {
      tokens.push({ kind: 'string', text: quoted("'", at), at });
    } else if (c === '"') {
      const name = quoted('"', at);
      if (name === '') throw new TrinoSyntaxError('empty identifier', at);
      tokens.push({ kind: 'quoted', text: name, at });
    } else if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(text[i + 1] ?? ''))) {
      const match = /^(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?/.exec(text.slice(i))!;
      i += match[0].length;
      tokens.push({ kind: 'number', text: match[0], at });
    } else if (/[A-Za-z_]/.test(c)) {
      const match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i))!;
      i += match[0].length;
      tokens.push({ kind: 'word', text: match[0].toLowerCase(), at });
    } else {
      const symbol = SYMBOLS.find((s) => text.startsWith(s, i));
      if (!symbol) throw new TrinoSyntaxError(`unexpected "${c}"`, at);
      i += symbol.length;
      tokens.push({ kind: 'symbol', text: symbol, at });
    }
  }
  tokens.push({ kind: 'end', text: '', at: text.length });
  return tokens;
}

export function parseTrinoExpression(text: string): TrinoExpression {
  const tokens = tokenize(text);
  let position = 0;
  const peek = () => tokens[position]!;
  const next = () => tokens[position++]!;
  const isWord = (word: string, token = peek()) => token.kind === 'word' && token.text === word;
  const isSymbol = (symbol: string, token = peek()) => token.kind === 'symbol' && token.text === symbol;
  const fail = (expected: string): never => {
    const token = peek();
    throw new TrinoSyntaxError(
      `expected ${expected} but found ${token.kind === 'end' ? 'the end' : `"${token.text}"`}`,
      token.at,
    );
  };
  const expectWord = (word: string) => (isWord(word) ? next() : fail(word.toUpperCase()));
  const expectSymbol = (symbol: string) => (isSymbol(symbol) ? next() : fail(`"${symbol}"`));

  const or = (): TrinoExpression => {
    let left = and();
    while (isWord('or')) {
      next();
      left = { kind: 'binary', operator: 'or', left, right: and() };
    }
    return left;
  };
  const and = (): TrinoExpression => {
    let left = not();
    while (isWord('and')) {
      next();
      left = { kind: 'binary', operator: 'and', left, right: not() };
    }
    return left;
  };
  const not = (): TrinoExpression => {
    if (!isWord('not')) return predicate();
    next();
    return { kind: 'not', operand: not() };
  };
  const predicate = (): TrinoExpression => {
    const left = concatenation();
    const token = peek();
    if (token.kind === 'symbol' && ['=', '<>', '!=', '<', '<=', '>', '>='].includes(token.text)) {
      next();
      return { kind: 'binary', operator: token.text === '!=' ? '<>' : token.text, left, right: concatenation() };
    }
    if (isWord('is')) {
      next();
      const negated = isWord('not') ? (next(), true) : false;
      expectWord('null');
      return { kind: 'isNull', negated, operand: left };
    }
    const negated = isWord('not') && isWord('in', tokens[position + 1]);
    if (negated) next();
    if (isWord('in')) {
      next();
      expectSymbol('(');
      const list = [or()];
      while (isSymbol(',')) {
        next();
        list.push(or());
      }
      expectSymbol(')');
      return { kind: 'in', negated, operand: left, list };
    }
    return left;
  };
  const concatenation = (): TrinoExpression => {
    let left = additive();
    while (isSymbol('||')) {
      next();
      left = { kind: 'binary', operator: '||', left, right: additive() };
    }
    return left;
  };
  const additive = (): TrinoExpression => {
    let left = unary();
    while (isSymbol('+') || isSymbol('-')) {
      const operator = next().text;
      left = { kind: 'binary', operator, left, right: unary() };
    }
    return left;
  };
  const unary = (): TrinoExpression => {
    if (!isSymbol('-')) return primary();
    next();
    return { kind: 'negate', operand: unary() };
  };
  const primary = (): TrinoExpression => {
    const token = next();
    switch (token.kind) {
      case 'string':
        return { kind: 'string', value: token.text };
      case 'number':
        return { kind: 'number', text: token.text };
      case 'quoted':
        return { kind: 'column', name: token.text };
      case 'symbol':
        if (token.text === '(') {
          const inner = or();
          expectSymbol(')');
          return inner;
        }
        break;
      case 'word':
        return word(token.text, token.at);
      case 'end':
        break;
    }
    position--;
    return fail('an expression');
  };
  const word = (text: string, at: number): TrinoExpression => {
    if (text === 'null') return { kind: 'null' };
    if (text === 'true' || text === 'false') return { kind: 'boolean', value: text === 'true' };
    if (text === 'cast') return cast();
    if (text === 'case') return caseExpression();
    if (RESERVED.has(text)) throw new TrinoSyntaxError(`unexpected ${text.toUpperCase()}`, at);
    if (!isSymbol('(')) return { kind: 'column', name: text };
    next();
    const args: TrinoExpression[] = [];
    if (!isSymbol(')')) {
      args.push(or());
      while (isSymbol(',')) {
        next();
        args.push(or());
      }
    }
    expectSymbol(')');
    return { kind: 'call', name: text, args };
  };
  const cast = (): TrinoExpression => {
    expectSymbol('(');
    const operand = or();
    expectWord('as');
    const type = typeName();
    expectSymbol(')');
    return { kind: 'cast', operand, type };
  };
  const typeName = (): string => {
    const words: string[] = [];
    while (peek().kind === 'word' && !isWord('as')) words.push(next().text);
    if (words.length === 0) fail('a type');
    let type = words.join(' ');
    if (isSymbol('(')) {
      next();
      const sizes = [next()];
      while (isSymbol(',')) {
        next();
        sizes.push(next());
      }
      if (sizes.some((s) => s.kind !== 'number')) fail('a number');
      expectSymbol(')');
      type += `(${sizes.map((s) => s.text).join(',')})`;
      while (peek().kind === 'word') type += ` ${next().text}`; // timestamp(6) with time zone
    }
    return type;
  };
  const caseExpression = (): TrinoExpression => {
    const whens: { when: TrinoExpression; then: TrinoExpression }[] = [];
    while (isWord('when')) {
      next();
      const when = or();
      expectWord('then');
      whens.push({ when, then: or() });
    }
    if (whens.length === 0) fail('WHEN (only searched CASE is supported)');
    let otherwise: TrinoExpression | undefined;
    if (isWord('else')) {
      next();
      otherwise = or();
    }
    expectWord('end');
    return { kind: 'case', whens, ...(otherwise ? { otherwise } : {}) };
  };

  const expression = or();
  if (peek().kind !== 'end') fail('the end');
  return expression;
}
