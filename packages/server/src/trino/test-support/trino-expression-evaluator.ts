/**
 * Evaluates a parsed Trino mask or filter on one row, following the semantics Trino documents for
 * the functions Meshwork's masks use (code-point string functions, upper-case `to_hex`, RFC 2104
 * `hmac_sha256`), with SQL's NULL propagation. Tests use it where DuckDB lacks Trino's functions
 * (`hmac_sha256`, `to_utf8`), to compare a generated Trino mask with what the gateway returns.
 */
import { createHmac } from 'node:crypto';
import type { TrinoExpression } from '../trino-expression-parser.js';

type Value = string | number | boolean | Buffer | null;

export function evaluateTrinoExpression(expression: TrinoExpression, row: Readonly<Record<string, Value>>): Value {
  const visit = (e: TrinoExpression): Value => {
    switch (e.kind) {
      case 'null':
        return null;
      case 'boolean':
        return e.value;
      case 'string':
        return e.value;
      case 'number':
        return Number(e.text);
      case 'column': {
        const key = Object.keys(row).find((k) => k.toLowerCase() === e.name.toLowerCase());
        if (key === undefined) throw new Error(`no column ${e.name}`);
        return row[key]!;
      }
      case 'call':
        return call(e.name, e.args.map(visit));
      case 'cast': {
        const value = visit(e.operand);
        if (value === null) return null;
        if (e.type === 'varchar') return String(value);
        throw new Error(`CAST to ${e.type} is not evaluated`);
      }
      case 'case': {
        for (const branch of e.whens) if (visit(branch.when) === true) return visit(branch.then);
        return e.otherwise ? visit(e.otherwise) : null;
      }
      case 'binary':
        return binary(e.operator, visit(e.left), visit(e.right));
      case 'negate': {
        const value = visit(e.operand);
        return value === null ? null : -(value as number);
      }
      case 'not': {
        const value = visit(e.operand);
        return value === null ? null : !value;
      }
      case 'isNull':
        return (visit(e.operand) === null) !== e.negated;
      case 'in': {
        const value = visit(e.operand);
        if (value === null) return null;
        const found = e.list.map(visit).some((item) => item === value);
        return found !== e.negated;
      }
    }
  };
  return visit(expression);
}

const codePoints = (s: string) => Array.from(s);

function call(name: string, args: readonly Value[]): Value {
  if (args.some((a) => a === null)) return null;
  const [a, b, c] = args;
  switch (name) {
    case 'length':
      return codePoints(a as string).length;
    case 'strpos': {
      const points = codePoints(a as string);
      const needle = codePoints(b as string);
      for (let i = 0; i + needle.length <= points.length; i++) {
        if (needle.every((p, k) => points[i + k] === p)) return i + 1;
      }
      return 0;
    }
    case 'substr': {
      const points = codePoints(a as string);
      let start = b as number;
      if (start === 0) return '';
      if (start < 0) start = points.length + start + 1;
      if (start < 1 || start > points.length) return '';
      const end = c === undefined ? points.length : start - 1 + (c as number);
      return points.slice(start - 1, end).join('');
    }
    case 'lower':
      return (a as string).toLowerCase();
    case 'to_utf8':
      return Buffer.from(a as string, 'utf8');
    case 'from_hex':
      return Buffer.from(a as string, 'hex');
    case 'to_hex':
      return (a as Buffer).toString('hex').toUpperCase();
    case 'hmac_sha256':
      return createHmac('sha256', b as Buffer)
        .update(a as Buffer)
        .digest();
    default:
      throw new Error(`function ${name} is not evaluated`);
  }
}

function binary(operator: string, left: Value, right: Value): Value {
  if (operator === 'and')
    return left === false || right === false ? false : left === null || right === null ? null : true;
  if (operator === 'or') return left === true || right === true ? true : left === null || right === null ? null : false;
  if (left === null || right === null) return null;
  switch (operator) {
    case '||':
      return Buffer.isBuffer(left) ? Buffer.concat([left, right as Buffer]) : `${left as string}${right as string}`;
    case '+':
      return (left as number) + (right as number);
    case '-':
      return (left as number) - (right as number);
    case '=':
      return left === right;
    case '<>':
      return left !== right;
    case '<':
      return left < right;
    case '<=':
      return left <= right;
    case '>':
      return left > right;
    case '>=':
      return left >= right;
  }
  throw new Error(`operator ${operator} is not evaluated`);
}
