/**
 * The runner of the table-driven cases: each case edits the `orders()` contract (and, when the
 * starting point matters, edits it first) and names the exact changes expected, kind and
 * severity, in order. Every change is also checked for what all changes promise.
 */
import { expect, it } from 'vitest';
import type { ChangeSeverity } from '../change-severity.js';
import { CONTRACT_CHANGE_KINDS, type ContractChangeKind } from '../change-kinds.js';
import { classifyContractChange } from '../classify-contract-change.js';
import type { ContractChange } from '../contract-change.js';
import { edited, orders, type Draft, type JsonObject } from './contract-builder.js';

export interface ChangeCase {
  readonly name: string;
  /** Edits the starting contract, when `orders()` is not the right one. */
  readonly before?: (draft: Draft) => void;
  readonly after: (draft: Draft) => void;
  readonly expect: readonly (readonly [ContractChangeKind, ChangeSeverity])[];
  /** The column of the first change, when it matters. */
  readonly column?: string;
}

/** The value a JSON pointer designates, or undefined. */
export function resolvePointer(document: unknown, pointer: string): unknown {
  if (pointer === '') return document;
  let current: unknown = document;
  for (const raw of pointer.slice(1).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, segment)) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

/** What every change promises, whatever its kind. */
export function expectWellFormed(change: ContractChange, before: unknown, after: unknown): void {
  expect(change.severity).toBe(CONTRACT_CHANGE_KINDS[change.kind].severity);
  expect(change.explanation).toMatch(/^[A-Z].*[.]$/s);
  expect(change.explanation).not.toContain('\n');
  const there = resolvePointer(after, change.pointer) ?? resolvePointer(before, change.pointer);
  expect(there, `${change.kind} at ${change.pointer}`).toBeDefined();
  expect(Object.isFrozen(change)).toBe(true);
}

export function runChangeCases(cases: readonly ChangeCase[]): void {
  it.each(cases)('$name', (testCase) => {
    const before: JsonObject = testCase.before ? edited(orders(), testCase.before) : orders();
    const after = edited(before, testCase.after);
    const changes = classifyContractChange(before, after);
    expect(changes.map((c) => [c.kind, c.severity])).toEqual(testCase.expect);
    if (testCase.column !== undefined) expect(changes[0]?.column).toBe(testCase.column);
    for (const change of changes) expectWellFormed(change, before, after);
  });
}
