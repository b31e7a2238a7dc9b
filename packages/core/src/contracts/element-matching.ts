/**
 * Pairs the elements of two versions (tables, columns): by key first, then removed and added
 * elements that look like one renamed element. The pairing is greedy on the best score, ties
 * broken by position, so the same inputs always give the same pairs.
 */
import type { ContractElement } from './contract-elements.js';

const MAX_RENAME_CANDIDATES = 250_000;

export type ElementPair = readonly [before: ContractElement, after: ContractElement];

export interface ElementMatching {
  /** Same key on both sides, in the order of `after`. */
  readonly kept: readonly ElementPair[];
  /** Judged to be one element under a new name, in the order of `before`. */
  readonly renamed: readonly ElementPair[];
  /** In the order of `before`. */
  readonly removed: readonly ContractElement[];
  /** In the order of `after`. */
  readonly added: readonly ContractElement[];
}

export interface RenameContext {
  /** Whether both sides have as many elements: a rename in place keeps the count. */
  readonly sameCount: boolean;
}

/** How strongly two elements look like one renamed element; below the threshold they are not. */
export interface RenameScoring {
  readonly score: (before: ContractElement, after: ContractElement, context: RenameContext) => number;
  readonly threshold: number;
}

export function matchElements(
  before: readonly ContractElement[],
  after: readonly ContractElement[],
  scoring: RenameScoring,
): ElementMatching {
  const beforeByKey = new Map(before.map((element) => [element.key, element]));
  const afterKeys = new Set(after.map((element) => element.key));
  const kept: ElementPair[] = [];
  const added: ContractElement[] = [];
  for (const element of after) {
    const previous = beforeByKey.get(element.key);
    if (previous === undefined) added.push(element);
    else kept.push([previous, element]);
  }
  const removed = before.filter((element) => !afterKeys.has(element.key));

  const context: RenameContext = { sameCount: before.length === after.length };
  // Scoring is quadratic; past this many pairs a rewrite is not a rename worth finding.
  const affordable = removed.length * added.length <= MAX_RENAME_CANDIDATES;
  const candidates = (affordable ? removed : [])
    .flatMap((b) => added.map((a) => ({ b, a, score: scoring.score(b, a, context) })))
    .filter((candidate) => candidate.score >= scoring.threshold)
    .sort((x, y) => y.score - x.score || x.b.index - y.b.index || x.a.index - y.a.index);
  const taken = new Set<ContractElement>();
  const renamed: ElementPair[] = [];
  for (const { b, a } of candidates) {
    if (taken.has(b) || taken.has(a)) continue;
    taken.add(b).add(a);
    renamed.push([b, a]);
  }
  renamed.sort(([x], [y]) => x.index - y.index);
  return {
    kept,
    renamed,
    removed: removed.filter((element) => !taken.has(element)),
    added: added.filter((element) => !taken.has(element)),
  };
}
