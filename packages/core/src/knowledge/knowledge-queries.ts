/**
 * The entity and term questions of the knowledge graph: which products describe an entity,
 * which columns are bound to a term. Both read the index's maps: no scan of the catalog.
 */
import { InputError, NotFoundError } from '../errors/domain-errors.js';
import { resolveTerm, type ResolvedTerm } from '../glossary/resolve-term.js';
import type { ProductId } from '../model/model-types.js';
import type { KnowledgeIndex } from './build-knowledge-index.js';
import type { ColumnBinding, EntityRole, ProductDescription } from './knowledge-types.js';

/** Which products the caller may see; everything when absent. */
export interface VisibilityOptions {
  readonly visible?: (productId: ProductId) => boolean;
}

const ROLE_ORDER: Record<EntityRole, number> = { about: 0, references: 1, mentions: 2 };

/**
 * The products with a column bound to `entity`, one of its identifiers or attributes: `about`
 * it when an identifier is a primary key, else `references` when they carry an identifier.
 *
 * @example productsDescribing(index, 'Customer')[0] // { productId: 'customers.customer-360', role: 'about', … }
 */
export function productsDescribing(
  index: KnowledgeIndex,
  entity: string,
  options: VisibilityOptions = {},
): ProductDescription[] {
  if (!index.model.glossary.entities.has(entity)) {
    throw new NotFoundError(
      'MW8601',
      `no glossary entity "${entity}": change the entity name in the request${closest(entity, index.model.glossary.entities.keys())}`,
    );
  }
  const byProduct = new Map<ProductId, ColumnBinding[]>();
  for (const b of index.byEntity.get(entity) ?? []) {
    if (options.visible && !options.visible(b.productId)) continue;
    const list = byProduct.get(b.productId);
    if (list) list.push(b);
    else byProduct.set(b.productId, [b]);
  }
  const out = [...byProduct.values()].map((columns): ProductDescription => {
    const ids = columns.filter((c) => c.kind === 'identifier');
    const role: EntityRole = ids.some((c) => c.primaryKey) ? 'about' : ids.length > 0 ? 'references' : 'mentions';
    return { productId: columns[0]!.productId, domain: columns[0]!.domain, role, columns };
  });
  return out.sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || (a.productId < b.productId ? -1 : 1));
}

/** The columns bound to a term (`Customer.customer_id`, `Customer`, `CustomerLifetimeValue`). */
export function columnsBoundTo(index: KnowledgeIndex, term: string, options: VisibilityOptions = {}): ColumnBinding[] {
  requireTerm(index, term);
  const all = index.byTerm.get(term) ?? [];
  return options.visible ? all.filter((b) => options.visible!(b.productId)) : [...all];
}

/** What `term` names; NotFoundError MW8602 (or InputError for a malformed id) otherwise. */
export function requireTerm(index: KnowledgeIndex, term: string): ResolvedTerm {
  const resolved = resolveTerm(index.model.glossary, term);
  if (resolved) return resolved;
  const { entities, terms, metrics } = index.model.glossary;
  const names = [...entities.values()].flatMap((e) => [
    e.name,
    ...[...e.identifiers, ...e.attributes, ...e.relations].map((m) => `${e.name}.${m.name}`),
  ]);
  const hint = closest(term, [...names, ...terms.keys(), ...metrics.keys()]);
  const Err = /^[A-Z][A-Za-z0-9]*(\.[a-z][a-z0-9_]*)?$/.test(term) ? NotFoundError : InputError;
  throw new Err('MW8602', `no glossary term "${term}": change the term in the request${hint}`);
}

/** `; did you mean A, B?` for the names that share the most leading characters (case-insensitive). */
export function closest(wanted: string, names: Iterable<string>): string {
  const w = wanted.toLowerCase();
  const scored = [...names]
    .map((name) => {
      const n = name.toLowerCase();
      let common = 0;
      while (common < n.length && common < w.length && n[common] === w[common]) common++;
      const contains = n.includes(w) || w.includes(n) ? 2 : 0;
      return { name, score: common + contains };
    })
    .filter((s) => s.score >= 2)
    .sort((a, b) => b.score - a.score || (a.name < b.name ? -1 : 1))
    .slice(0, 3);
  return scored.length > 0 ? `; did you mean ${scored.map((s) => s.name).join(', ')}?` : '';
}
