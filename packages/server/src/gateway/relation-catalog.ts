/**
 * Resolves SQL relation names to published snapshots of product ports. The name index is built
 * once per mesh model; snapshots are looked up per query through the warehouse's current pointer
 * (one small file read), so a publish by any process is visible to the next query, and manifests
 * — immutable once published — are cached by snapshot id.
 */
import { contractRetirement, NotFoundError, type DataProduct, type MeshModel, type OutputPort } from '@meshwork/core';
import type { PortRef } from '../access/access-types.js';
import type { ColumnSchema, SnapshotManifest } from '../warehouse/snapshot-manifest.js';
import type { Warehouse } from '../warehouse/warehouse.js';
import { parseRelationName, sqlIdentifier } from './relation-name.js';

/** What one SQL name designates: a port, and either a fixed major or "the current one". */
export interface RelationTarget {
  readonly sqlName: string;
  readonly productId: string;
  readonly port: string;
  /** Undefined: the highest major that is not retired and has data. */
  readonly major?: number;
  /** Listed by introspection; the other names are accepted aliases (`order-lines`, `orders_orders`, `orders_v2`). */
  readonly canonical: boolean;
}

export interface ResolvedRelation {
  readonly port: PortRef;
  readonly product: DataProduct;
  readonly outputPort: OutputPort;
  readonly snapshotId: string;
  readonly schema: readonly ColumnSchema[];
  readonly files: readonly string[];
}

/** MW5006: a fixed major past its endOfLife. Carries the port version, so that its retirement can be announced. */
export class RetiredRelationError extends NotFoundError {
  constructor(
    message: string,
    readonly port: PortRef,
  ) {
    super('MW5006', message);
  }
}

export class RelationCatalog {
  readonly #targets = new Map<string, RelationTarget>();
  #names: Map<string, string> | undefined;
  #ports: Map<string, PortRef> | undefined;
  readonly #manifests = new Map<string, { manifest: SnapshotManifest; files: readonly string[] }>();

  constructor(
    readonly model: MeshModel,
    private readonly warehouse: Warehouse,
    private readonly now: () => Date = () => new Date(),
  ) {
    for (const product of model.products.values()) this.#index(product);
  }

  /** Every SQL name with its target, for listings. */
  targets(): Iterable<RelationTarget> {
    return this.#targets.values();
  }

  /** The target of `schema.table`, or undefined when no product port has that name. */
  target(schema: string, table: string): RelationTarget | undefined {
    return this.#targets.get(`${schema}.${table}`);
  }

  /**
   * The snapshot a relation reads. NotFoundError MW5004 for an unknown name, MW5005 when nothing
   * is published, MW5006 for a retired major, MW5015 for an unknown snapshot id.
   */
  async resolve(schema: string, table: string, snapshotFromClause?: string): Promise<ResolvedRelation> {
    const name = parseRelationName(schema, table);
    const target = this.target(name.schema, name.table);
    const display = `${schema}.${table}`;
    if (!target) throw new NotFoundError('MW5004', `relation ${display} does not exist`);
    const product = this.model.products.get(target.productId)!;
    const major = name.major ?? target.major;
    const candidates = product.outputPorts
      .filter((p) => p.name === target.port && (major === undefined || p.major === major))
      .sort((a, b) => b.major - a.major);
    if (candidates.length === 0) throw new NotFoundError('MW5004', `relation ${display} does not exist`);
    const snapshotId = name.snapshotId ?? snapshotFromClause;
    for (const outputPort of candidates) {
      const retired = outputPort.contract ? contractRetirement(outputPort.contract) : undefined;
      if (retired && retired <= this.now()) {
        if (major !== undefined) {
          throw new RetiredRelationError(
            `${display} (${product.id} ${outputPort.name} v${outputPort.major}) was retired on ${retired.toISOString().slice(0, 10)}`,
            { productId: product.id, port: outputPort.name, major: outputPort.major },
          );
        }
        continue;
      }
      const port: PortRef = { productId: product.id, port: outputPort.name, major: outputPort.major };
      const id = snapshotId ?? (await this.warehouse.currentPointer(port))?.snapshotId;
      if (id === undefined) continue;
      const snapshot = await this.#snapshot(port, id, display);
      return { port, product, outputPort, snapshotId: id, schema: snapshot.manifest.schema, files: snapshot.files };
    }
    throw new NotFoundError('MW5005', `${display} (${product.id}) has no published snapshot yet`);
  }

  /**
   * The listed SQL name of a port version — the unversioned name for the newest major, `…_v<n>`
   * for older ones — or undefined for a port the catalog does not know.
   */
  nameOf(port: PortRef): string | undefined {
    return this.#listed().names.get(`${port.productId}/${port.port}/${port.major}`);
  }

  /** Every listed SQL name (`sales.orders`, `sales.orders_v1`) with the port version it names (the Iceberg catalog's tables). */
  listedPorts(): ReadonlyMap<string, PortRef> {
    return this.#listed().ports;
  }

  #listed(): { names: Map<string, string>; ports: Map<string, PortRef> } {
    if (!this.#names) {
      this.#names = new Map();
      this.#ports = new Map();
      for (const target of this.#targets.values()) {
        if (!target.canonical) continue;
        const product = this.model.products.get(target.productId)!;
        const major =
          target.major ?? Math.max(...product.outputPorts.filter((p) => p.name === target.port).map((p) => p.major));
        const key = `${target.productId}/${target.port}/${major}`;
        if (this.#names.has(key)) continue;
        this.#names.set(key, target.sqlName);
        this.#ports.set(target.sqlName, { productId: target.productId, port: target.port, major });
      }
    }
    return { names: this.#names, ports: this.#ports! };
  }

  async #snapshot(port: PortRef, snapshotId: string, display: string) {
    const key = `${port.productId}/${port.port}/${port.major}/${snapshotId}`;
    const cached = this.#manifests.get(key);
    if (cached) return cached;
    let manifest: SnapshotManifest;
    try {
      manifest = await this.warehouse.getSnapshot(port, snapshotId);
    } catch (error) {
      if (error instanceof NotFoundError) {
        throw new NotFoundError('MW5015', `${display} has no snapshot ${snapshotId}`);
      }
      throw error;
    }
    const entry = { manifest, files: await this.warehouse.snapshotFiles(port, snapshotId) };
    if (this.#manifests.size > 10_000) this.#manifests.clear();
    this.#manifests.set(key, entry);
    return entry;
  }

  #index(product: DataProduct): void {
    const productName = sqlIdentifier(product.name);
    const schema = sqlIdentifier(product.domain);
    const ports = [...new Set(product.outputPorts.map((p) => p.name))];
    const add = (table: string, port: string, canonical: boolean, major?: number) => {
      const key = `${schema}.${table}`;
      if (this.#targets.has(key)) return;
      const target = { sqlName: key, productId: product.id, port, canonical };
      this.#targets.set(key, major === undefined ? target : { ...target, major });
    };
    ports.forEach((port, index) => {
      const majors = product.outputPorts.filter((p) => p.name === port).map((p) => p.major);
      const latest = Math.max(...majors);
      const isDefault = index === 0 || sqlIdentifier(port) === productName;
      const names = isDefault ? [productName] : [];
      names.push(`${productName}_${sqlIdentifier(port)}`);
      names.forEach((name, n) => {
        // Listed: the current version under the shortest name, and every older major by number.
        add(name, port, n === 0);
        for (const major of majors) add(`${name}_v${major}`, port, n === 0 && major !== latest, major);
      });
      // The original spelling, for `"order-lines"`-style quoted names.
      if (product.name.toLowerCase() !== productName && index === 0) add(product.name.toLowerCase(), port, false);
    });
  }
}
