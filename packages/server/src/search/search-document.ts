/**
 * What the index knows of one product: the text of its fields (fed to MiniSearch, then dropped)
 * and a small entry kept for filtering, facets and hits. Columns and ports are folded into their
 * product — one document per product keeps 100k products × 30 columns at 100k documents.
 */
import type { DataProduct, Glossary, MeshModel } from '@meshwork/core';
import type { SearchField } from './search-types.js';

export type SearchDocumentText = Readonly<Record<SearchField, string>>;

/** What a hit and the facets need, kept per product (strings shared with the model). */
export interface SearchEntry {
  readonly id: string;
  readonly title: string;
  readonly domain: string;
  readonly archetype?: string;
  readonly status: string;
  readonly ownerTeam?: string;
  readonly description?: string;
  readonly tags: readonly string[];
  /** Distinct classifications of the product's columns. */
  readonly classifications: readonly string[];
}

export function searchEntry(product: DataProduct): SearchEntry {
  const classifications = new Set<string>();
  for (const column of columnsOf(product)) if (column.classification) classifications.add(column.classification);
  return {
    id: product.id,
    title: product.title,
    domain: product.domain,
    ...(product.archetype ? { archetype: product.archetype } : {}),
    status: product.status,
    ...(product.ownerTeam ? { ownerTeam: product.ownerTeam } : {}),
    ...(product.description ? { description: product.description } : {}),
    tags: product.tags,
    classifications: [...classifications].sort(),
  };
}

export function searchDocumentText(model: MeshModel, product: DataProduct): SearchDocumentText {
  const described = descriptionOf(product);
  const columns = columnsOf(product);
  const terms = new Set<string>();
  for (const column of columns)
    for (const term of column.terms) for (const word of termWords(model.glossary, term)) terms.add(word);
  const domain = model.domains.get(product.domain);
  const team = product.ownerTeam ? model.teams.get(product.ownerTeam) : undefined;
  return {
    name: join([product.title, product.name, product.id]),
    tags: join(product.tags),
    terms: join([...terms]),
    domain: join([product.domain, domain?.title]),
    description: join([product.description, described.purpose, described.usage, described.limitations]),
    ports: join(
      product.outputPorts.flatMap((p) => [p.name, p.description, ...(p.contract?.tables ?? []).map((t) => t.name)]),
    ),
    owner: join([product.ownerTeam, team?.name]),
    columns: join(columns.map((c) => c.name)),
    classifications: join([...new Set(columns.map((c) => c.classification))]),
    columnDescriptions: join([
      ...(product.outputPorts.flatMap((p) => p.contract?.tables ?? []).map((t) => t.description) ?? []),
      ...columns.map((c) => c.description),
    ]),
  };
}

/** ODPS `description` (purpose, usage, limitations), read loosely: both ODPS versions carry it. */
export function descriptionOf(product: DataProduct): { purpose?: string; usage?: string; limitations?: string } {
  const raw = (product.descriptor as unknown as { description?: unknown }).description;
  if (typeof raw !== 'object' || raw === null) return {};
  const text = (key: string) => {
    const value = (raw as Record<string, unknown>)[key];
    return typeof value === 'string' && value.trim() !== '' ? value : undefined;
  };
  const purpose = text('purpose');
  const usage = text('usage');
  const limitations = text('limitations');
  return { ...(purpose ? { purpose } : {}), ...(usage ? { usage } : {}), ...(limitations ? { limitations } : {}) };
}

export function columnsOf(product: DataProduct) {
  return product.outputPorts.flatMap((p) => p.contract?.tables ?? []).flatMap((t) => t.columns);
}

/**
 * A bound term with the words that should find it: `Customer.customer_id` gives the term, its
 * member, the concept's name and the concept's synonyms (so "client" finds Customer's columns).
 */
function termWords(glossary: Glossary, term: string): string[] {
  const [concept = term] = term.split('.', 1);
  const found = glossary.entities.get(concept) ?? glossary.terms.get(concept) ?? glossary.metrics.get(concept);
  return [term, concept, ...(found?.synonyms ?? [])];
}

function join(parts: readonly (string | undefined)[]): string {
  return parts.filter((p): p is string => !!p).join(' ');
}
