/**
 * Recursive-descent parser of the row-filter language:
 *
 *   expression := and { OR and }
 *   and        := not { AND not }
 *   not        := NOT not | '(' expression ')' | predicate
 *   predicate  := operand [ op operand | [NOT] IN '(' operand { ',' operand } ')' | IS [NOT] NULL ]
 *   operand    := column | "quoted column" | principal.attribute | 'text' | number | TRUE | FALSE
 *   op         := = | != | <> | < | <= | > | >=
 *
 * Keywords are case-insensitive. Errors carry the offset of the token at fault.
 */
import {
  COMPARISON_OPERATORS,
  type ComparisonOperator,
  type FilterExpression,
  type FilterOperand,
} from './filter-ast.js';
import { FilterSyntaxError, tokenizeFilter, type FilterToken } from './filter-tokenizer.js';

const KEYWORDS = new Set(['and', 'or', 'not', 'in', 'is', 'null', 'true', 'false']);
const MAX_DEPTH = 64;

export function parseFilter(source: string): FilterExpression {
  const tokens = tokenizeFilter(source);
  let position = 0;
  let depth = 0;

  const peek = (): FilterToken => tokens[position]!;
  const advance = (): FilterToken => tokens[Math.min(position++, tokens.length - 1)]!;
  const isKeyword = (token: FilterToken, keyword: string) =>
    token.kind === 'word' && token.text.toLowerCase() === keyword;
  const acceptKeyword = (keyword: string): boolean => {
    if (!isKeyword(peek(), keyword)) return false;
    position++;
    return true;
  };
  const acceptSymbol = (symbol: string): boolean => {
    const token = peek();
    if (token.kind !== 'symbol' || token.text !== symbol) return false;
    position++;
    return true;
  };
  const describe = (token: FilterToken) => (token.kind === 'end' ? 'the end of the filter' : `"${token.text}"`);
  const fail = (expected: string, token: FilterToken = peek()): never => {
    throw new FilterSyntaxError(`expected ${expected}, found ${describe(token)}`, token.offset);
  };
  const expectSymbol = (symbol: string, what: string) => {
    if (!acceptSymbol(symbol)) fail(what);
  };

  const expression = (): FilterExpression => {
    let left = conjunction();
    while (acceptKeyword('or')) left = { kind: 'or', left, right: conjunction() };
    return left;
  };

  const conjunction = (): FilterExpression => {
    let left = negation();
    while (acceptKeyword('and')) left = { kind: 'and', left, right: negation() };
    return left;
  };

  const negation = (): FilterExpression => {
    if (++depth > MAX_DEPTH)
      throw new FilterSyntaxError(`the filter nests deeper than ${MAX_DEPTH} levels`, peek().offset);
    try {
      if (acceptKeyword('not')) return { kind: 'not', operand: negation() };
      if (acceptSymbol('(')) {
        const inner = expression();
        expectSymbol(')', '")"');
        return inner;
      }
      return predicate();
    } finally {
      depth--;
    }
  };

  const predicate = (): FilterExpression => {
    const left = operand();
    const token = peek();
    if (token.kind === 'symbol' && (COMPARISON_OPERATORS as readonly string[]).includes(token.text)) {
      position++;
      return { kind: 'compare', operator: token.text as ComparisonOperator, left, right: operand() };
    }
    if (acceptKeyword('is')) {
      const negated = acceptKeyword('not');
      if (!acceptKeyword('null')) fail('NULL after IS');
      return { kind: 'isNull', negated, operand: left };
    }
    const negated = acceptKeyword('not');
    if (acceptKeyword('in')) {
      expectSymbol('(', '"(" after IN');
      const list = [operand()];
      while (acceptSymbol(',')) list.push(operand());
      expectSymbol(')', '"," or ")" in the IN list');
      return { kind: 'in', negated, operand: left, list };
    }
    if (negated) fail('IN after NOT');
    return { kind: 'value', operand: left };
  };

  const operand = (): FilterOperand => {
    const token = advance();
    switch (token.kind) {
      case 'string':
        return { kind: 'string', value: token.text };
      case 'number':
        return { kind: 'number', text: token.text };
      case 'quoted':
        if (token.text === '') throw new FilterSyntaxError('a quoted column name cannot be empty', token.offset);
        return { kind: 'column', name: token.text, offset: token.offset };
      case 'word': {
        const word = token.text.toLowerCase();
        if (word === 'true' || word === 'false') return { kind: 'boolean', value: word === 'true' };
        if (word === 'null')
          throw new FilterSyntaxError('compare with NULL using IS NULL or IS NOT NULL', token.offset);
        if (KEYWORDS.has(word)) return fail('a column, principal.<attribute> or a value', token);
        if (token.text === 'principal' && acceptSymbol('.')) return principalAttribute(token.offset);
        return { kind: 'column', name: token.text, offset: token.offset };
      }
      default:
        return fail('a column, principal.<attribute> or a value', token);
    }
  };

  const principalAttribute = (offset: number): FilterOperand => {
    const token = advance();
    if ((token.kind === 'word' || token.kind === 'quoted') && token.text !== '') {
      return { kind: 'principal', attribute: token.text, offset };
    }
    return fail('an attribute name after "principal."', token);
  };

  const result = expression();
  if (peek().kind !== 'end') fail('AND, OR or the end of the filter');
  return result;
}
