/**
 * What a term id such as `Customer.customer_id` names in a glossary. Bindings, metric
 * dimensions and governance all resolve through here, so they agree on what exists.
 */
import { parseTermId } from './glossary-binding.js';
import type {
  Glossary,
  GlossaryAttribute,
  GlossaryEntity,
  GlossaryIdentifier,
  GlossaryMetric,
  GlossaryRelation,
  GlossaryTerm,
} from './glossary-types.js';

export type ResolvedTerm =
  | { readonly kind: 'entity'; readonly entity: GlossaryEntity }
  | { readonly kind: 'identifier'; readonly entity: GlossaryEntity; readonly identifier: GlossaryIdentifier }
  | { readonly kind: 'attribute'; readonly entity: GlossaryEntity; readonly attribute: GlossaryAttribute }
  | { readonly kind: 'relation'; readonly entity: GlossaryEntity; readonly relation: GlossaryRelation }
  | { readonly kind: 'term'; readonly term: GlossaryTerm }
  | { readonly kind: 'metric'; readonly metric: GlossaryMetric };

/**
 * Resolves `Customer`, `Customer.customer_id`, `Customer.segment`, `Region` or
 * `CustomerLifetimeValue`; undefined when the glossary has no such thing. Members exist only
 * on entities.
 *
 * @example resolveTerm(model.glossary, 'Customer.customer_id')?.kind // 'identifier'
 */
export function resolveTerm(glossary: Glossary, id: string): ResolvedTerm | undefined {
  const parsed = parseTermId(id);
  if (!parsed) return undefined;
  const entity = glossary.entities.get(parsed.concept);
  if (parsed.member === undefined) {
    if (entity) return { kind: 'entity', entity };
    const term = glossary.terms.get(parsed.concept);
    if (term) return { kind: 'term', term };
    const metric = glossary.metrics.get(parsed.concept);
    return metric ? { kind: 'metric', metric } : undefined;
  }
  if (!entity) return undefined;
  const name = parsed.member;
  const identifier = entity.identifiers.find((m) => m.name === name);
  if (identifier) return { kind: 'identifier', entity, identifier };
  const attribute = entity.attributes.find((m) => m.name === name);
  if (attribute) return { kind: 'attribute', entity, attribute };
  const relation = entity.relations.find((m) => m.name === name);
  return relation ? { kind: 'relation', entity, relation } : undefined;
}

/** The identifier a term id names, e.g. for `Customer.customer_id`; undefined for anything else. */
export function glossaryIdentifier(glossary: Glossary, id: string): GlossaryIdentifier | undefined {
  const resolved = resolveTerm(glossary, id);
  return resolved?.kind === 'identifier' ? resolved.identifier : undefined;
}
