/**
 * Cedar values as the evaluator sees them: the JSON the entities and the context are already
 * written in (cedar-entities.ts, request-context.ts), read in place so that a decision allocates
 * next to nothing. Strings, integers and booleans are themselves; a set is an array; an entity
 * reference is `{ __entity: { type, id } }`; any other object is a record. Extension values
 * (`__extn`) and non-integer numbers are not evaluated here: meeting one hands the whole decision to
 * the wasm engine (`DELEGATE`), so they keep Cedar's exact semantics.
 */
import type { TypeAndId } from '@cedar-policy/cedar-wasm/nodejs';

export type CedarValue = string | number | boolean | readonly CedarValue[] | EntityRef | CedarRecord;
export interface EntityRef {
  readonly __entity: TypeAndId;
}
export interface CedarRecord {
  readonly [key: string]: CedarValue;
}

/**
 * Thrown (never constructed per throw: no stack is captured) when Cedar would report an evaluation
 * error — a missing attribute, a type mismatch, an overflow. The policy being evaluated is then not
 * satisfied, as in Cedar, which skips erroring policies.
 */
export const EVALUATION_ERROR = Object.freeze({ cedar: 'evaluation error' });

/** Thrown when a value is outside what this evaluator models: the decision is asked of wasm. */
export const DELEGATE = Object.freeze({ cedar: 'delegate to wasm' });

export type ValueKind = 'bool' | 'long' | 'string' | 'set' | 'entity' | 'record';

export function kindOf(value: CedarValue): ValueKind {
  switch (typeof value) {
    case 'boolean':
      return 'bool';
    case 'string':
      return 'string';
    case 'number':
      if (!Number.isSafeInteger(value)) throw DELEGATE;
      return 'long';
    default:
      if (Array.isArray(value)) return 'set';
      if (value === null || typeof value !== 'object') throw DELEGATE;
      if ('__entity' in value) return 'entity';
      if ('__extn' in value) throw DELEGATE;
      return 'record';
  }
}

export function isEntity(value: CedarValue): value is EntityRef {
  return kindOf(value) === 'entity';
}

export function sameEntity(a: TypeAndId, b: TypeAndId): boolean {
  return a.id === b.id && a.type === b.type;
}

/** Cedar `==`: structural, never an error; values of different types are different. */
export function valuesEqual(a: CedarValue, b: CedarValue): boolean {
  if (a === b) {
    kindOf(a); // an extension value is still wasm's to compare
    return true;
  }
  const kind = kindOf(a);
  if (kind !== kindOf(b)) return false;
  switch (kind) {
    case 'bool':
    case 'long':
    case 'string':
      return false;
    case 'entity':
      return sameEntity((a as EntityRef).__entity, (b as EntityRef).__entity);
    case 'set':
      return (
        setContainsAll(a as readonly CedarValue[], b as readonly CedarValue[]) &&
        setContainsAll(b as readonly CedarValue[], a as readonly CedarValue[])
      );
    case 'record': {
      const left = a as CedarRecord;
      const right = b as CedarRecord;
      const keys = Object.keys(left);
      if (keys.length !== Object.keys(right).length) return false;
      return keys.every((key) => Object.hasOwn(right, key) && valuesEqual(left[key]!, right[key]!));
    }
  }
}

export function setContains(set: readonly CedarValue[], value: CedarValue): boolean {
  for (const member of set) if (valuesEqual(member, value)) return true;
  return false;
}

export function setContainsAll(set: readonly CedarValue[], values: readonly CedarValue[]): boolean {
  for (const value of values) if (!setContains(set, value)) return false;
  return true;
}

export function setContainsAny(set: readonly CedarValue[], values: readonly CedarValue[]): boolean {
  for (const value of values) if (setContains(set, value)) return true;
  return false;
}

export function expectBool(value: CedarValue): boolean {
  if (kindOf(value) !== 'bool') throw EVALUATION_ERROR;
  return value as boolean;
}

export function expectLong(value: CedarValue): number {
  if (kindOf(value) !== 'long') throw EVALUATION_ERROR;
  return value as number;
}

export function expectString(value: CedarValue): string {
  if (kindOf(value) !== 'string') throw EVALUATION_ERROR;
  return value as string;
}

export function expectSet(value: CedarValue): readonly CedarValue[] {
  if (kindOf(value) !== 'set') throw EVALUATION_ERROR;
  return value as readonly CedarValue[];
}

export function expectEntity(value: CedarValue): TypeAndId {
  if (kindOf(value) !== 'entity') throw EVALUATION_ERROR;
  return (value as EntityRef).__entity;
}

/**
 * Cedar's Long is a 64-bit integer and overflow is an error. Results within JavaScript's safe
 * integers are exact; anything beyond is decided by wasm rather than approximated.
 */
export function checkedLong(result: number): number {
  if (!Number.isSafeInteger(result)) throw DELEGATE;
  return result;
}
