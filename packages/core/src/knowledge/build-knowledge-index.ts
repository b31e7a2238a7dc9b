/**
 * Builds the knowledge index once per mesh model: every column binding of every output port
 * (current major), by term, entity and product, plus the "bridges" that let join-path search
 * walk a small graph of terms instead of the products: for each pair of joinable terms a
 * product carries together, the products that carry both, best bridges first.
 * Cost: one pass over the columns; a product with k joinable terms adds k² bridge entries.
 */
import { resolveTerm } from '../glossary/resolve-term.js';
import type { Glossary } from '../glossary/glossary-types.js';
import type { DataProduct, MeshModel, OutputPort, ProductId } from '../model/model-types.js';
import type { BindingKind, ColumnBinding } from './knowledge-types.js';
import { relationSqlName } from './relation-sql-name.js';

export interface KnowledgeIndex {
  readonly model: MeshModel;
  readonly bindings: readonly ColumnBinding[];
  readonly byTerm: ReadonlyMap<string, readonly ColumnBinding[]>;
  readonly byEntity: ReadonlyMap<string, readonly ColumnBinding[]>;
  /** Joinable bindings (identifiers and entity attributes) of each product. */
  readonly joinable: ReadonlyMap<ProductId, readonly ColumnBinding[]>;
  /** `term1 \0 term2` → products binding both, keyed products (masters) first. */
  readonly bridges: ReadonlyMap<string, readonly ProductId[]>;
  /** Joinable term → the terms some product carries with it. */
  readonly neighbours: ReadonlyMap<string, ReadonlySet<string>>;
}

export const bridgeKey = (a: string, b: string): string => `${a}\u0000${b}`;

/** @example buildKnowledgeIndex(model).byEntity.get('Customer')?.length */
export function buildKnowledgeIndex(model: MeshModel): KnowledgeIndex {
  const bindings: ColumnBinding[] = [];
  const byTerm = new Map<string, ColumnBinding[]>();
  const byEntity = new Map<string, ColumnBinding[]>();
  const joinable = new Map<ProductId, ColumnBinding[]>();
  const kinds = new Map<string, { kind: BindingKind; entity?: string }>();
  const bridgeLists = new Map<string, { id: ProductId; keyed: number }[]>();
  const neighbours = new Map<string, Set<string>>();

  for (const product of model.products.values()) {
    const own: ColumnBinding[] = [];
    for (const port of currentPorts(product)) {
      for (const binding of portBindings(model.glossary, product, port, kinds)) {
        bindings.push(binding);
        push(byTerm, binding.term, binding);
        if (binding.entity !== undefined) push(byEntity, binding.entity, binding);
        if (binding.kind === 'identifier' || binding.kind === 'attribute') own.push(binding);
      }
    }
    if (own.length === 0) continue;
    joinable.set(product.id, own);
    addBridges(product.id, own, bridgeLists, neighbours);
  }
  const bridges = new Map<string, ProductId[]>();
  for (const [key, list] of bridgeLists) {
    list.sort((a, b) => b.keyed - a.keyed || (a.id < b.id ? -1 : 1));
    bridges.set(
      key,
      list.map((e) => e.id),
    );
  }
  return { model, bindings, byTerm, byEntity, joinable, bridges, neighbours };
}

/** The highest major of each port name: the one `domain.product` addresses. */
function currentPorts(product: DataProduct): OutputPort[] {
  const latest = new Map<string, OutputPort>();
  for (const port of product.outputPorts) {
    const seen = latest.get(port.name);
    if (!seen || port.major > seen.major) latest.set(port.name, port);
  }
  return [...latest.values()];
}

function portBindings(
  glossary: Glossary,
  product: DataProduct,
  port: OutputPort,
  kinds: Map<string, { kind: BindingKind; entity?: string }>,
): ColumnBinding[] {
  const contract = port.contract;
  if (!contract) return [];
  const relation = relationSqlName(product, port.name);
  const out: ColumnBinding[] = [];
  contract.tables.forEach((table, tableIndex) => {
    const primaryKeySize = table.columns.filter((c) => c.primaryKey).length;
    table.columns.forEach((column, columnIndex) => {
      for (const term of column.terms) {
        let meaning = kinds.get(term);
        if (!meaning) {
          meaning = kindOf(glossary, term);
          kinds.set(term, meaning);
        }
        out.push({
          productId: product.id,
          domain: product.domain,
          port: port.name,
          major: port.major,
          relation,
          table: table.name,
          column: column.name,
          ...(column.logicalType !== undefined ? { logicalType: column.logicalType } : {}),
          primaryKey: column.primaryKey,
          primaryKeySize,
          term,
          kind: meaning.kind,
          ...(meaning.entity !== undefined ? { entity: meaning.entity } : {}),
          file: contract.file,
          tableIndex,
          columnIndex,
        });
      }
    });
  });
  return out;
}

function kindOf(glossary: Glossary, term: string): { kind: BindingKind; entity?: string } {
  const resolved = resolveTerm(glossary, term);
  if (!resolved) return { kind: 'unknown' };
  switch (resolved.kind) {
    case 'entity':
    case 'identifier':
    case 'attribute':
    case 'relation':
      return { kind: resolved.kind, entity: resolved.entity.name };
    case 'term':
    case 'metric':
      return { kind: resolved.kind };
  }
}

/**
 * A product bridges two terms it carries when at least one is an identifier and an attribute
 * belongs to that identifier's entity (the master data product looks attributes up by key).
 */
function addBridges(
  id: ProductId,
  own: readonly ColumnBinding[],
  lists: Map<string, { id: ProductId; keyed: number }[]>,
  neighbours: Map<string, Set<string>>,
): void {
  const terms = new Map<string, ColumnBinding>();
  for (const b of own) if (!terms.has(b.term) || b.primaryKey) terms.set(b.term, b);
  for (const a of terms.values()) {
    for (const b of terms.values()) {
      if (a.term === b.term) continue;
      const bridgeable =
        (a.kind === 'identifier' && b.kind === 'identifier') ||
        (a.kind === 'identifier' && b.kind === 'attribute' && a.entity === b.entity) ||
        (a.kind === 'attribute' && b.kind === 'identifier' && a.entity === b.entity);
      if (!bridgeable) continue;
      push(lists, bridgeKey(a.term, b.term), { id, keyed: Number(a.primaryKey) + Number(b.primaryKey) });
      let set = neighbours.get(a.term);
      if (!set) neighbours.set(a.term, (set = new Set()));
      set.add(b.term);
    }
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
