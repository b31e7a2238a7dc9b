/**
 * Compiles a Cedar expression, in Cedar's own JSON policy format (the EST that
 * `policyToJson` returns), into a JavaScript closure. Each operator keeps Cedar's semantics:
 * `&&`, `||` and `if` short-circuit, a wrong operand type or a missing attribute is an evaluation
 * error (the policy is then skipped), `==` compares structurally and never fails. Constructs outside
 * the supported subset — extension functions (ip, decimal, datetime), templates' slots, partial
 * evaluation's unknowns — throw `UnsupportedCedar` at compile time, and the engine keeps the wasm
 * evaluator for that policy set.
 */
import {
  checkedLong,
  DELEGATE,
  EVALUATION_ERROR,
  expectBool,
  expectEntity,
  expectLong,
  expectSet,
  expectString,
  kindOf,
  setContains,
  setContainsAll,
  setContainsAny,
  valuesEqual,
  type CedarRecord,
  type CedarValue,
} from './cedar-value.js';
import type { EvaluationRequest } from './evaluation-request.js';

export type Evaluator = (request: EvaluationRequest) => CedarValue;

/** A construct this evaluator does not model; the policy set is evaluated by wasm instead. */
export class UnsupportedCedar extends Error {
  constructor(construct: string) {
    super(`the compiled Cedar evaluator does not support ${construct}`);
  }
}

type Json = unknown;
type Binary = (left: CedarValue, right: CedarValue) => CedarValue;

const COMPARISONS: Record<string, (a: number, b: number) => boolean> = {
  '<': (a, b) => a < b,
  '<=': (a, b) => a <= b,
  '>': (a, b) => a > b,
  '>=': (a, b) => a >= b,
};

const ARITHMETIC: Record<string, (a: number, b: number) => number> = {
  '+': (a, b) => a + b,
  '-': (a, b) => a - b,
  '*': (a, b) => a * b,
};

/** Operators whose operands are both evaluated, left first, before the operator applies. */
const STRICT_BINARY: Record<string, Binary> = {
  '==': (a, b) => valuesEqual(a, b),
  '!=': (a, b) => !valuesEqual(a, b),
  contains: (a, b) => setContains(expectSet(a), b),
  containsAll: (a, b) => setContainsAll(expectSet(a), expectSet(b)),
  containsAny: (a, b) => setContainsAny(expectSet(a), expectSet(b)),
  ...Object.fromEntries(
    Object.entries(COMPARISONS).map(([op, compare]): [string, Binary] => [
      op,
      (a, b) => compare(expectLong(a), expectLong(b)),
    ]),
  ),
  ...Object.fromEntries(
    Object.entries(ARITHMETIC).map(([op, apply]): [string, Binary] => [
      op,
      (a, b) => checkedLong(apply(expectLong(a), expectLong(b))),
    ]),
  ),
};

export function compileExpression(expression: Json): Evaluator {
  const [operator, operand] = singleEntry(expression);
  switch (operator) {
    case 'Value':
      return constant(literal(operand));
    case 'Var':
      return variable(operand);
    case '!': {
      const arg = compileExpression(field(operand, 'arg'));
      return (request) => !expectBool(arg(request));
    }
    case 'neg': {
      const arg = compileExpression(field(operand, 'arg'));
      return (request) => checkedLong(-expectLong(arg(request)));
    }
    case 'isEmpty': {
      const arg = compileExpression(field(operand, 'arg'));
      return (request) => expectSet(arg(request)).length === 0;
    }
    case '&&': {
      const [left, right] = sides(operand);
      return (request) => expectBool(left(request)) && expectBool(right(request));
    }
    case '||': {
      const [left, right] = sides(operand);
      return (request) => expectBool(left(request)) || expectBool(right(request));
    }
    case 'if-then-else': {
      const condition = compileExpression(field(operand, 'if'));
      const then = compileExpression(field(operand, 'then'));
      const otherwise = compileExpression(field(operand, 'else'));
      return (request) => (expectBool(condition(request)) ? then(request) : otherwise(request));
    }
    case 'in': {
      const [left, right] = sides(operand);
      return (request) => isIn(request, left(request), right(request));
    }
    case '.': {
      const left = compileExpression(field(operand, 'left'));
      const attribute = text(field(operand, 'attr'));
      return (request) => getAttribute(request, left(request), attribute);
    }
    case 'has': {
      const left = compileExpression(field(operand, 'left'));
      const attribute = text(field(operand, 'attr'));
      return (request) => hasAttribute(request, left(request), attribute);
    }
    case 'getTag':
    case 'hasTag': {
      const [left, right] = sides(operand);
      const wantValue = operator === 'getTag';
      return (request) => {
        const entity = expectEntity(left(request));
        const tag = expectString(right(request));
        const tags = request.entities.tags(entity);
        const present = tags !== undefined && Object.hasOwn(tags, tag);
        if (!wantValue) return present;
        if (!present) throw EVALUATION_ERROR;
        return tags[tag]!;
      };
    }
    case 'is': {
      const left = compileExpression(field(operand, 'left'));
      const type = text(field(operand, 'entity_type'));
      const within = (operand as { in?: Json }).in;
      const ancestor = within === undefined ? undefined : compileExpression(within);
      return (request) => {
        const value = left(request);
        if (expectEntity(value).type !== type) return false;
        return ancestor === undefined || isIn(request, value, ancestor(request));
      };
    }
    case 'like': {
      const left = compileExpression(field(operand, 'left'));
      const pattern = likePattern(field(operand, 'pattern'));
      return (request) => matchesLike(expectString(left(request)), pattern);
    }
    case 'Set': {
      if (!Array.isArray(operand)) throw new UnsupportedCedar('a Set that is not a list');
      const members = operand.map(compileExpression);
      return (request) => members.map((member) => member(request));
    }
    case 'Record': {
      const entries = Object.entries(record(operand)).map(([key, value]) => {
        // `__proto__` would be an assignment to the prototype on a plain object, not a key.
        if (key === '__entity' || key === '__extn' || key === '__proto__')
          throw new UnsupportedCedar(`a record key named ${key}`);
        return [key, compileExpression(value)] as const;
      });
      return (request) => {
        const out: Record<string, CedarValue> = {};
        for (const [key, value] of entries) out[key] = value(request);
        return out;
      };
    }
    default: {
      const binary = STRICT_BINARY[operator];
      if (binary === undefined) throw new UnsupportedCedar(`the operator or function "${operator}"`);
      const [left, right] = sides(operand);
      return (request) => binary(left(request), right(request));
    }
  }
}

/** Cedar `in`: the left an entity, the right an entity or a set of entities (else an error). */
export function isIn(request: EvaluationRequest, left: CedarValue, right: CedarValue): boolean {
  const child = expectEntity(left);
  if (kindOf(right) === 'set') {
    // Cedar walks the set in its own order and errors at the first non-entity: whether a match
    // comes first depends on that order, so a set that is not all entities is wasm's to decide.
    const members = right as readonly CedarValue[];
    if (!members.every((member) => kindOf(member) === 'entity')) throw DELEGATE;
    return members.some((member) => request.entities.isIn(child, expectEntity(member)));
  }
  return request.entities.isIn(child, expectEntity(right));
}

function getAttribute(request: EvaluationRequest, value: CedarValue, attribute: string): CedarValue {
  const attributes = attributesOf(request, value);
  if (attributes === undefined || !Object.hasOwn(attributes, attribute)) throw EVALUATION_ERROR;
  return attributes[attribute]!;
}

function hasAttribute(request: EvaluationRequest, value: CedarValue, attribute: string): boolean {
  const attributes = attributesOf(request, value);
  return attributes !== undefined && Object.hasOwn(attributes, attribute);
}

/** A record's fields or an entity's attributes; undefined for an entity that was not passed. */
function attributesOf(request: EvaluationRequest, value: CedarValue): CedarRecord | undefined {
  const kind = kindOf(value);
  if (kind === 'record') return value as CedarRecord;
  if (kind === 'entity') return request.entities.attributes(expectEntity(value));
  throw EVALUATION_ERROR;
}

function variable(name: Json): Evaluator {
  switch (name) {
    case 'principal':
      return (request) => request.principal;
    case 'action':
      return (request) => request.action;
    case 'resource':
      return (request) => request.resource;
    case 'context':
      return (request) => request.context;
    default:
      throw new UnsupportedCedar(`the variable ${JSON.stringify(name)}`);
  }
}

function constant(value: CedarValue): Evaluator {
  return () => value;
}

/** A literal as Cedar JSON: primitives, entity references, and sets and records of them. */
function literal(value: Json): CedarValue {
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new UnsupportedCedar(`the number ${value}`);
    return value;
  }
  if (Array.isArray(value)) return Object.freeze(value.map(literal));
  const object = record(value);
  if ('__entity' in object) {
    const { type, id } = record(object.__entity);
    return Object.freeze({ __entity: Object.freeze({ type: text(type), id: text(id) }) });
  }
  if ('__extn' in object) throw new UnsupportedCedar('extension values');
  return Object.freeze(Object.fromEntries(Object.entries(object).map(([key, member]) => [key, literal(member)])));
}

/** A `like` pattern: characters (code points) to match exactly, and WILDCARD for any run of them. */
const WILDCARD = null;
type LikePattern = readonly (string | typeof WILDCARD)[];

/** Cedar patterns: `Wildcard` matches any run of characters, `{ Literal: c }` exactly `c`. */
function likePattern(pattern: Json): LikePattern {
  if (!Array.isArray(pattern)) throw new UnsupportedCedar('a like pattern that is not a list');
  return pattern.flatMap((element: Json) => (element === 'Wildcard' ? [WILDCARD] : [...text(record(element).Literal)]));
}

/**
 * Wildcard matching in O(text × pattern) at worst, by going back only to the last wildcard — not
 * a regular expression, whose backtracking grows with the power of the number of wildcards (a
 * 16k-character purpose against `*a*b*c*` took seconds, blocking the server).
 */
function matchesLike(value: string, pattern: LikePattern): boolean {
  const chars = [...value];
  let c = 0;
  let p = 0;
  let star = -1;
  let resume = 0;
  while (c < chars.length) {
    const expected = pattern[p];
    if (p < pattern.length && expected !== WILDCARD && expected === chars[c]) {
      c++;
      p++;
    } else if (p < pattern.length && expected === WILDCARD) {
      star = p++;
      resume = c;
    } else if (star >= 0) {
      p = star + 1;
      c = ++resume;
    } else {
      return false;
    }
  }
  while (p < pattern.length && pattern[p] === WILDCARD) p++;
  return p === pattern.length;
}

function sides(operand: Json): [Evaluator, Evaluator] {
  return [compileExpression(field(operand, 'left')), compileExpression(field(operand, 'right'))];
}

function singleEntry(expression: Json): [string, Json] {
  const entries = Object.entries(record(expression));
  if (entries.length !== 1) throw new UnsupportedCedar(`an expression with ${entries.length} keys`);
  return entries[0]!;
}

function field(operand: Json, name: string): Json {
  const value = record(operand)[name];
  if (value === undefined) throw new UnsupportedCedar(`an operand without "${name}"`);
  return value;
}

function record(value: Json): Record<string, Json> {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new UnsupportedCedar(`the JSON ${JSON.stringify(value)} where an object was expected`);
  return value as Record<string, Json>;
}

function text(value: Json): string {
  if (typeof value !== 'string')
    throw new UnsupportedCedar(`the JSON ${JSON.stringify(value)} where text was expected`);
  return value;
}
