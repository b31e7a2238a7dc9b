/**
 * The type of a parsed mask or filter expression under Trino's typing rules, for the subset the
 * parser reads: column references resolve against the table's Trino types, functions against
 * the signatures Trino documents for them. A type error is a `TrinoTypeError` naming the part at
 * fault — Trino would refuse the query, which locks the user out rather than leaking, but a rule
 * file that fails that way is still wrong.
 */
import type { TrinoExpression } from './trino-expression-parser.js';
import { familyOf, type TrinoType, type TypeFamily } from './trino-types.js';

export class TrinoTypeError extends Error {}

/** The type of NULL before it meets another type. */
export const UNKNOWN = 'unknown';

interface Signature {
  readonly args: readonly TypeFamily[];
  /** Trailing arguments that may be left out. */
  readonly optional?: number;
  readonly returns: TrinoType;
}

/** The functions Meshwork's masks use, and their documented signatures. */
const FUNCTIONS: Readonly<Record<string, Signature>> = {
  strpos: { args: ['text', 'text'], returns: 'bigint' },
  substr: { args: ['text', 'numeric', 'numeric'], optional: 1, returns: 'varchar' },
  length: { args: ['text'], returns: 'bigint' },
  lower: { args: ['text'], returns: 'varchar' },
  upper: { args: ['text'], returns: 'varchar' },
  to_utf8: { args: ['text'], returns: 'varbinary' },
  from_hex: { args: ['text'], returns: 'varbinary' },
  to_hex: { args: ['binary'], returns: 'varchar' },
  hmac_sha256: { args: ['binary', 'binary'], returns: 'varbinary' },
};

const NUMERIC_ORDER = ['integer', 'bigint', 'decimal', 'real', 'double'];

export function typeOfTrinoExpression(
  expression: TrinoExpression,
  columns: ReadonlyMap<string, TrinoType | undefined>,
): TrinoType {
  const family = (type: TrinoType) => familyOf(type);
  const expect = (e: TrinoExpression, wanted: TypeFamily, what: string): TrinoType => {
    const type = visit(e);
    if (type !== UNKNOWN && family(type) !== wanted) throw new TrinoTypeError(`${what} must be ${wanted}, not ${type}`);
    return type;
  };
  const comparable = (left: TrinoType, right: TrinoType, what: string) => {
    if (left !== UNKNOWN && right !== UNKNOWN && family(left) !== family(right)) {
      throw new TrinoTypeError(`${what} compares ${left} with ${right}`);
    }
  };
  const visit = (e: TrinoExpression): TrinoType => {
    switch (e.kind) {
      case 'null':
        return UNKNOWN;
      case 'boolean':
        return 'boolean';
      case 'string':
        return 'varchar';
      case 'number':
        return /[eE]/.test(e.text)
          ? 'double'
          : e.text.includes('.')
            ? 'decimal'
            : Number(e.text) > 2 ** 31 - 1
              ? 'bigint'
              : 'integer';
      case 'column': {
        const key = e.name.toLowerCase();
        if (!columns.has(key)) throw new TrinoTypeError(`column "${e.name}" is not a column of the table`);
        const type = columns.get(key);
        if (type === undefined) throw new TrinoTypeError(`column "${e.name}" has no known Trino type`);
        return type;
      }
      case 'call': {
        const signature = FUNCTIONS[e.name];
        if (!signature) throw new TrinoTypeError(`function ${e.name} is not one Meshwork's rules use`);
        const least = signature.args.length - (signature.optional ?? 0);
        if (e.args.length < least || e.args.length > signature.args.length) {
          throw new TrinoTypeError(
            `${e.name} takes ${least === signature.args.length ? least : `${least} to ${signature.args.length}`} arguments, not ${e.args.length}`,
          );
        }
        e.args.forEach((arg, i) => expect(arg, signature.args[i]!, `argument ${i + 1} of ${e.name}`));
        return signature.returns;
      }
      case 'cast': {
        visit(e.operand);
        if (familyOf(e.type) === undefined || e.type === UNKNOWN)
          throw new TrinoTypeError(`CAST to unknown type ${e.type}`);
        return e.type;
      }
      case 'case': {
        const results: TrinoType[] = [];
        for (const branch of e.whens) {
          expect(branch.when, 'boolean', 'a WHEN condition');
          results.push(visit(branch.then));
        }
        if (e.otherwise) results.push(visit(e.otherwise));
        const typed = results.filter((t) => t !== UNKNOWN);
        if (typed.length === 0) return UNKNOWN;
        const first = typed[0]!;
        if (typed.every((t) => t === first)) return first;
        if (typed.every((t) => family(t) === 'text')) return 'varchar';
        throw new TrinoTypeError(`CASE branches have different types: ${[...new Set(typed)].join(', ')}`);
      }
      case 'binary': {
        if (e.operator === 'and' || e.operator === 'or') {
          expect(e.left, 'boolean', `the left side of ${e.operator.toUpperCase()}`);
          expect(e.right, 'boolean', `the right side of ${e.operator.toUpperCase()}`);
          return 'boolean';
        }
        const left = visit(e.left);
        const right = visit(e.right);
        if (e.operator === '||') {
          const kind = [left, right].find((t) => t !== UNKNOWN);
          if (kind === undefined || family(kind) === 'text') {
            comparable(left, right, '||');
            return 'varchar';
          }
          if (family(kind) === 'binary') {
            comparable(left, right, '||');
            return 'varbinary';
          }
          throw new TrinoTypeError(`|| concatenates text or varbinary, not ${kind}`);
        }
        if (e.operator === '+' || e.operator === '-') {
          for (const side of [left, right]) {
            if (side !== UNKNOWN && family(side) !== 'numeric')
              throw new TrinoTypeError(`${e.operator} needs numbers, not ${side}`);
          }
          return widest(left, right);
        }
        comparable(left, right, `${e.operator}`);
        return 'boolean';
      }
      case 'negate':
        return expect(e.operand, 'numeric', 'a negated value');
      case 'not':
        expect(e.operand, 'boolean', 'NOT');
        return 'boolean';
      case 'isNull':
        visit(e.operand);
        return 'boolean';
      case 'in': {
        const operand = visit(e.operand);
        for (const item of e.list) comparable(operand, visit(item), 'IN');
        return 'boolean';
      }
    }
  };
  return visit(expression);
}

function widest(left: TrinoType, right: TrinoType): TrinoType {
  const rank = (t: TrinoType) => NUMERIC_ORDER.findIndex((n) => t.startsWith(n));
  return rank(left) >= rank(right) ? left : right;
}

/** Whether Trino accepts a value of type `from` where `to` is expected (a mask for its column). */
export function coercibleTo(from: TrinoType, to: TrinoType): boolean {
  if (from === to || from === UNKNOWN) return true;
  if (familyOf(from) === 'text' && familyOf(to) === 'text') return to === 'varchar';
  return from === 'integer' && to === 'bigint';
}
