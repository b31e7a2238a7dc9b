/**
 * Data products as read-only Iceberg tables: namespace [domain], table names the gateway's listed
 * SQL names (`orders`, `orders_v1`, `orders_items`), so the same SQL runs in Meshwork and in an
 * engine. The metadata comes from the warehouse (`Warehouse.icebergTable`).
 *
 * Access follows the gateway's decisions: a product the principal may not discover does not
 * exist (the same 404 as an unknown name); a table is listed and loaded only when the principal
 * may `query` its port. A port whose read plan for the principal has masks or row filters is
 * never handed out raw — it is not listed, and loading it answers 403 pointing to the gateway —
 * unless the principal is one of mesh.yaml `iceberg.engines`, which enforce the exported rules.
 */
import { contractRetirement, NotAllowedError, NotFoundError, type MeshModel } from '@meshwork/core';
import type { AgreementLookup, Authorizer, PortRef, ReadPlan } from '../../access/access-types.js';
import type { RelationCatalog } from '../../gateway/relation-catalog.js';
import { sqlIdentifier } from '../../gateway/relation-name.js';
import type { Principal } from '../../identity/principal.js';
import type { IcebergTableMetadata } from '../table-metadata.js';

/** What the catalog needs of the warehouse port (Warehouse.icebergTable). */
export interface PublishedIcebergTables {
  icebergTable(
    table: PortRef,
  ): Promise<{ readonly metadataLocation: string; readonly metadata: IcebergTableMetadata } | undefined>;
}

export interface ProductTablesOptions {
  readonly model: MeshModel;
  readonly relations: RelationCatalog;
  readonly warehouse: PublishedIcebergTables;
  readonly authorizer: Authorizer;
  readonly agreements?: AgreementLookup;
  /** Service accounts of engines that enforce masks and row filters themselves (mesh.yaml `iceberg.engines`). */
  readonly engines: readonly string[];
  readonly now: () => Date;
}

export interface PublishedProductTable {
  readonly port: PortRef;
  readonly metadataLocation: string;
  readonly metadata: IcebergTableMetadata;
}

type Readable = { readonly ok: true; readonly port: PortRef } | { readonly ok: false; readonly error: Error };

export class ProductTables {
  /** SQL schema (namespace level) → domain name. */
  readonly #domains = new Map<string, string>();
  /** SQL schema → its listed tables, in name order. */
  readonly #tables = new Map<string, { readonly name: string; readonly port: PortRef }[]>();
  readonly #engines: ReadonlySet<string>;

  constructor(private readonly options: ProductTablesOptions) {
    for (const domain of options.model.domains.values()) this.#domains.set(sqlIdentifier(domain.name), domain.name);
    for (const [sqlName, port] of options.relations.listedPorts()) {
      const dot = sqlName.indexOf('.');
      const schema = sqlName.slice(0, dot);
      const list = this.#tables.get(schema) ?? [];
      list.push({ name: sqlName.slice(dot + 1), port });
      this.#tables.set(schema, list);
    }
    for (const list of this.#tables.values()) list.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    this.#engines = new Set(options.engines);
  }

  /** Whether a first namespace level is a domain's (then the namespace holds products only). */
  isDomain(level: string): boolean {
    return this.#domains.has(level);
  }

  /** The domain namespaces the principal may see, sorted. */
  visibleDomains(principal: Principal): string[] {
    return [...this.#domains.keys()].filter((schema) => this.domainVisible(principal, schema)).sort();
  }

  domainVisible(principal: Principal, schema: string): boolean {
    const domain = this.#domains.get(schema);
    if (domain === undefined) return false;
    return this.options.authorizer.isAllowed(principal, 'discover', { kind: 'domain', domain }).allowed;
  }

  /** The tables of a domain namespace the principal may load raw, sorted by name. */
  async list(principal: Principal, schema: string): Promise<string[]> {
    const names: string[] = [];
    for (const { name, port } of this.#tables.get(schema) ?? []) {
      const readable = await this.#readable(principal, schema, name, port);
      if (readable.ok && (await this.options.warehouse.icebergTable(port))) names.push(name);
    }
    return names;
  }

  /** The table's current metadata; 404 or 403 as the file comment says. */
  async load(principal: Principal, schema: string, name: string): Promise<PublishedProductTable> {
    const port = this.#discoverable(principal, schema, name);
    const readable = await this.#readable(principal, schema, name, port);
    if (!readable.ok) throw readable.error;
    const published = await this.options.warehouse.icebergTable(port);
    if (!published)
      throw new NotFoundError('MW8255', `table ${schema}.${name} (${port.productId}) has no published snapshot yet`);
    return { port, ...published };
  }

  /**
   * A table created in a domain namespace: 403, naming the product when the name is one the
   * principal can see, else the domain.
   */
  refuseCreate(principal: Principal, schema: string, name: string | undefined): never {
    const port = name === undefined ? undefined : this.#port(schema, name);
    if (port && name !== undefined && this.#mayDiscover(principal, port)) this.refuseWrite(principal, schema, name);
    throw new NotAllowedError(
      'MW8262',
      `namespace ${schema} holds the data products of domain ${this.#domains.get(schema)}; they are published by their pipelines, not created through the Iceberg catalog`,
    );
  }

  /** A commit or drop of a product table: 403 naming the product (404 for one the principal may not discover). */
  refuseWrite(principal: Principal, schema: string, name: string): never {
    const port = this.#discoverable(principal, schema, name);
    throw new NotAllowedError(
      'MW8262',
      `${schema}.${name} is the data product ${port.productId} (port ${port.port} v${port.major}); products are published by their pipeline (\`mesh run ${port.productId}\`), not changed through the Iceberg catalog`,
    );
  }

  #port(schema: string, name: string): PortRef | undefined {
    return this.#tables.get(schema)?.find((table) => table.name === name)?.port;
  }

  #mayDiscover(principal: Principal, port: PortRef): boolean {
    return this.options.authorizer.isAllowed(principal, 'discover', { kind: 'product', productId: port.productId })
      .allowed;
  }

  /** The port behind a listed name the principal may discover; otherwise the same 404 as for an unknown name. */
  #discoverable(principal: Principal, schema: string, name: string): PortRef {
    const port = this.#port(schema, name);
    if (!port || !this.#mayDiscover(principal, port))
      throw new NotFoundError('MW8255', `table ${schema}.${name} does not exist`);
    return port;
  }

  async #readable(principal: Principal, schema: string, name: string, port: PortRef): Promise<Readable> {
    const { authorizer, model, now } = this.options;
    if (!this.#mayDiscover(principal, port)) {
      return { ok: false, error: new NotFoundError('MW8255', `table ${schema}.${name} does not exist`) };
    }
    const outputPort = model.products
      .get(port.productId)
      ?.outputPorts.find((p) => p.name === port.port && p.major === port.major);
    const retired = outputPort?.contract ? contractRetirement(outputPort.contract) : undefined;
    if (retired && retired <= now()) {
      const day = retired.toISOString().slice(0, 10);
      return {
        ok: false,
        error: new NotFoundError('MW8255', `table ${schema}.${name} (${port.productId}) was retired on ${day}`),
      };
    }
    const agreements = (await this.options.agreements?.activeAgreements(principal.id, port, now())) ?? [];
    const decision = authorizer.planRead(principal, port, { agreements, now: now() });
    if (!decision.allowed) {
      const reason = decision.decision.reason ?? 'no policy permits it';
      return {
        ok: false,
        error: new NotAllowedError(
          'MW8266',
          `not allowed to query ${schema}.${name} (${port.productId} ${port.port} v${port.major}): ${reason}`,
        ),
      };
    }
    if (!isClear(decision.plan) && !this.#isEngine(principal)) {
      return {
        ok: false,
        error: new NotAllowedError(
          'MW8265',
          `${schema}.${name} (${port.productId}) has column masks or row filters for you, so its files are not handed out: read it through the SQL gateway (psql, \`mesh query\` or POST /api/v1/query), which applies them`,
        ),
      };
    }
    return { ok: true, port };
  }

  #isEngine(principal: Principal): boolean {
    return principal.kind === 'service' && this.#engines.has(principal.id);
  }
}

/** Every column in clear and every row: what the raw files show. */
function isClear(plan: ReadPlan): boolean {
  return plan.rowFilters.length === 0 && plan.columns.every((column) => column.treatment.kind === 'clear');
}
