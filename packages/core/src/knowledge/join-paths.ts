/**
 * Join paths between two products through shared glossary identifiers. The search walks the
 * small graph of terms (identifiers, and entity attributes at either end), not the catalog:
 * a path of h joins is a sequence of h terms t1…th where the first product binds t1, the last
 * binds th, and each intermediate product — taken from the index's bridge lists, best first —
 * binds two consecutive terms. Bounded by `maxHops`; cost independent of the catalog's size
 * except for skipping bridges the caller may not see.
 */
import { InputError, NotFoundError } from '../errors/domain-errors.js';
import type { ProductId } from '../model/model-types.js';
import { bridgeKey, type KnowledgeIndex } from './build-knowledge-index.js';
import { closest, type VisibilityOptions } from './knowledge-queries.js';
import type { ColumnBinding, JoinPath, JoinPathResult, JoinQuality } from './knowledge-types.js';
import { joinSql } from './join-sql.js';
import { describeStep, joinStep } from './join-step.js';

export interface JoinPathOptions extends VisibilityOptions {
  /** Most joins in a path, 1–5 (default 3). */
  readonly maxHops?: number;
  /** Most paths returned (default 10). */
  readonly limit?: number;
}

/** Intermediate products tried per pair of terms. */
const BRIDGES_PER_STEP = 2;
const COST: Record<JoinQuality, number> = {
  'key-to-key': 0,
  'key-to-foreign': 1,
  'foreign-to-foreign': 3,
  attribute: 4,
};

/**
 * @example joinPaths(index, 'marketing.campaign-attribution', 'customers.customer-profile').paths[0]?.sql
 * // 'marketing.campaign_attribution ca JOIN customers.customer_profile cp ON ca.customer_id = cp.customer_id'
 */
export function joinPaths(
  index: KnowledgeIndex,
  from: ProductId,
  to: ProductId,
  options: JoinPathOptions = {},
): JoinPathResult {
  const maxHops = options.maxHops ?? 3;
  if (!Number.isInteger(maxHops) || maxHops < 1 || maxHops > 5) {
    throw new InputError('MW8605', `maxHops must be an integer from 1 to 5, got ${String(maxHops)}: change maxHops`);
  }
  requireProduct(index, from, 'from', options);
  requireProduct(index, to, 'to', options);
  const result = { from, to, maxHops };
  if (from === to)
    return { ...result, paths: [], ambiguous: false, explanation: `${from} is both ends: nothing to join` };
  const left = index.joinable.get(from) ?? [];
  const right = index.joinable.get(to) ?? [];
  const unbound = [left.length === 0 ? from : undefined, right.length === 0 ? to : undefined].filter(Boolean);
  if (unbound.length > 0) {
    const explanation = `${unbound.join(' and ')} ${unbound.length > 1 ? 'have' : 'has'} no column bound to a glossary identifier or attribute: bind key columns with authoritativeDefinitions (urn:meshwork:glossary:<Entity>.<identifier>)`;
    return { ...result, paths: [], ambiguous: false, explanation };
  }
  const rightTerms = new Set(right.map((b) => b.term));
  const visible = (id: ProductId) => id !== from && id !== to && (options.visible?.(id) ?? true);
  const limit = options.limit ?? 10;
  const paths = new Map<string, JoinPath>();
  for (let hops = 1; hops <= maxHops && paths.size < limit; hops++) {
    for (const terms of termSequences(index, left, rightTerms, hops)) {
      for (const middle of bridgeChoices(index, terms, visible)) {
        const path = buildPath(index, [from, ...middle, to], terms);
        if (!paths.has(path.sql)) paths.set(path.sql, path);
      }
    }
  }
  const ranked = [...paths.values()]
    .sort((a, b) => a.hops - b.hops || a.score - b.score || (a.sql < b.sql ? -1 : 1))
    .slice(0, limit);
  const best = ranked[0];
  const ties = best ? ranked.filter((p) => p.hops === best.hops && p.score === best.score).length : 0;
  if (!best) {
    const explanation = `no path of at most ${maxHops} joins: ${from} binds ${termList(left)}, ${to} binds ${termList(right)}, and no product you may see links them; raise maxHops or bind a shared identifier`;
    return { ...result, paths: [], ambiguous: false, explanation };
  }
  return {
    ...result,
    paths: ranked,
    ambiguous: ties > 1,
    ...(ties > 1 ? { explanation: `${ties} paths rank first: choose one of them` } : {}),
  };
}

function requireProduct(index: KnowledgeIndex, id: ProductId, part: 'from' | 'to', options: VisibilityOptions): void {
  if (index.model.products.has(id) && (options.visible?.(id) ?? true)) return;
  const hint = closest(id, index.model.products.keys());
  throw new NotFoundError('MW8604', `no product "${id}": change "${part}" to a <domain>.<product> id${hint}`);
}

/** Term sequences of exactly `hops` terms; attributes only at either end. */
function* termSequences(
  index: KnowledgeIndex,
  left: readonly ColumnBinding[],
  rightTerms: ReadonlySet<string>,
  hops: number,
): Generator<string[]> {
  const kind = new Map<string, string>();
  for (const b of left) kind.set(b.term, b.kind);
  const start = [...new Set(left.map((b) => b.term))].sort();
  const walk = function* (seq: string[]): Generator<string[]> {
    const last = seq[seq.length - 1]!;
    if (seq.length === hops) {
      if (rightTerms.has(last)) yield seq;
      return;
    }
    for (const next of [...(index.neighbours.get(last) ?? [])].sort()) {
      if (seq.includes(next)) continue;
      const isAttribute = index.byTerm.get(next)?.[0]?.kind === 'attribute';
      if (isAttribute && seq.length + 1 < hops) continue;
      yield* walk([...seq, next]);
    }
  };
  for (const term of start) {
    if (kind.get(term) === 'attribute' && hops > 1 && !index.neighbours.has(term)) continue;
    yield* walk([term]);
  }
}

/** Up to BRIDGES_PER_STEP visible, distinct intermediate products for each consecutive pair. */
function bridgeChoices(
  index: KnowledgeIndex,
  terms: readonly string[],
  visible: (id: ProductId) => boolean,
): ProductId[][] {
  let combos: ProductId[][] = [[]];
  for (let i = 0; i + 1 < terms.length; i++) {
    const candidates = index.bridges.get(bridgeKey(terms[i]!, terms[i + 1]!)) ?? [];
    const next: ProductId[][] = [];
    for (const combo of combos) {
      let taken = 0;
      for (const id of candidates) {
        if (taken === BRIDGES_PER_STEP) break;
        if (combo.includes(id) || !visible(id)) continue;
        next.push([...combo, id]);
        taken++;
      }
    }
    combos = next;
    if (combos.length === 0) return [];
  }
  return combos;
}

function buildPath(index: KnowledgeIndex, products: readonly ProductId[], terms: readonly string[]): JoinPath {
  const steps = terms.map((term, i) => joinStep(index, products[i]!, products[i + 1]!, term));
  const score = steps.reduce(
    (sum, s) => sum + COST[s.quality] + (s.compatible ? 0 : 5) + (s.alternatives.length > 0 ? 1 : 0),
    0,
  );
  return {
    hops: steps.length,
    score,
    products,
    steps,
    sql: joinSql(steps),
    notes: steps.flatMap(describeStep),
  };
}

function termList(bindings: readonly ColumnBinding[]): string {
  return [...new Set(bindings.map((b) => b.term))].sort().join(', ');
}
