/**
 * How an ODCS contract binds a column to the glossary, without leaving the standard: an entry
 * of the property's `authoritativeDefinitions` whose `url` is the term's URN.
 *
 * ```yaml
 * authoritativeDefinitions:
 *   - type: businessDefinition
 *     url: urn:meshwork:glossary:Customer.customer_id
 * ```
 *
 * The URN is fixed rather than built from a configurable base IRI, so a contract means the
 * same in every copy of the workspace and a rename of the mesh never rewrites contracts; an RDF
 * export may map these URNs to HTTP IRIs later. The `url` alone makes the binding; `type`
 * should be `businessDefinition` (a standard value) so that other ODCS tools show it as one.
 */

export const GLOSSARY_URN_PREFIX = 'urn:meshwork:glossary:';
export const GLOSSARY_DEFINITION_TYPE = 'businessDefinition';

/** `Customer` or `Customer.customer_id`. */
const TERM_ID = /^([A-Z][A-Za-z0-9]*)(?:\.([a-z][a-z0-9_]*))?$/;

export interface TermId {
  /** Entity, term or metric name. */
  readonly concept: string;
  /** Identifier or attribute of an entity, when the id names one. */
  readonly member?: string;
}

/** Splits `Customer.customer_id`; undefined when the text is not a term id. */
export function parseTermId(id: string): TermId | undefined {
  const match = TERM_ID.exec(id);
  if (!match) return undefined;
  return match[2] === undefined ? { concept: match[1]! } : { concept: match[1]!, member: match[2] };
}

/** The URN of a glossary concept or member, e.g. `urn:meshwork:glossary:Customer.customer_id`. */
export function glossaryUrn(termId: string): string {
  return `${GLOSSARY_URN_PREFIX}${termId}`;
}

/** The `authoritativeDefinitions` entry that binds a column to `termId`. */
export function glossaryDefinition(
  termId: string,
  description?: string,
): { readonly type: string; readonly url: string; readonly description?: string } {
  const entry = { type: GLOSSARY_DEFINITION_TYPE, url: glossaryUrn(termId) };
  return description === undefined ? entry : { ...entry, description };
}

export interface GlossaryBinding {
  /** Index of the entry in `authoritativeDefinitions`. */
  readonly index: number;
  /** What follows the prefix, as written: a term id when `valid`. */
  readonly term: string;
  readonly valid: boolean;
}

/**
 * The glossary bindings among a property's `authoritativeDefinitions` (any value: invalid
 * shapes have been reported by the ODCS schema and yield nothing here). Other definitions
 * (catalog links, tutorials) are not bindings and are skipped.
 */
export function glossaryBindingsOf(authoritativeDefinitions: unknown): GlossaryBinding[] {
  if (!Array.isArray(authoritativeDefinitions)) return [];
  const out: GlossaryBinding[] = [];
  authoritativeDefinitions.forEach((entry: unknown, index) => {
    const url = entry !== null && typeof entry === 'object' ? (entry as { url?: unknown }).url : undefined;
    if (typeof url !== 'string' || !url.startsWith(GLOSSARY_URN_PREFIX)) return;
    const term = url.slice(GLOSSARY_URN_PREFIX.length);
    out.push({ index, term, valid: parseTermId(term) !== undefined });
  });
  return out;
}

/** The valid term ids a property binds to, in order, without repeats. */
export function boundTerms(authoritativeDefinitions: unknown): string[] {
  const terms = glossaryBindingsOf(authoritativeDefinitions)
    .filter((b) => b.valid)
    .map((b) => b.term);
  return [...new Set(terms)];
}
