/**
 * The Iceberg REST catalog's operations, whatever carries them (the routes are thin). Two kinds of
 * namespaces: a domain's ([sales]: its products, read-only, product-tables.ts) and managed ones
 * (created through the API, e.g. [staging, crm]: managed-tables.ts). A namespace whose first level
 * is a domain is never a managed one.
 *
 * Access: every call needs an authenticated principal (the routes require one). Product tables
 * follow the gateway's decisions. Managed namespaces and tables are readable by every
 * authenticated principal; creating, changing and dropping them needs `administer` on the mesh.
 */
import { ConflictError, InputError, NotAllowedError, NotFoundError } from '@meshwork/core';
import type { Authorizer } from '../../access/access-types.js';
import type { Principal } from '../../identity/principal.js';
import type { MetadataStore } from '../../metadata/metadata-store.js';
import { checkTableName, namespaceLabel, type Namespace } from './catalog-names.js';
import { isObject } from './json-fields.js';
import { readCommitRequest } from './commit-request.js';
import { ManagedTables, noNamespace, noTable, type TableResult } from './managed-tables.js';
import type { MetadataFiles } from './metadata-files.js';
import { readCreateTableRequest } from './new-table-metadata.js';
import { decodeToken, encodeToken, pageOf, type PageRequest } from './page-tokens.js';
import type { ProductTables } from './product-tables.js';

export interface IcebergCatalogOptions {
  readonly store: MetadataStore;
  readonly files: MetadataFiles;
  readonly products: ProductTables;
  readonly authorizer: Authorizer;
  readonly now?: () => Date;
}

export interface NamespacePage {
  readonly namespaces: readonly Namespace[];
  readonly next: string | null;
}

export interface TablePage {
  readonly identifiers: readonly { readonly namespace: Namespace; readonly name: string }[];
  readonly next: string | null;
}

export interface NamespaceProperties {
  readonly namespace: Namespace;
  readonly properties: Readonly<Record<string, string>>;
}

export interface PropertiesChange {
  readonly updated: readonly string[];
  readonly removed: readonly string[];
  readonly missing: readonly string[];
}

/** Largest page the store serves; whole lists are read this many at a time. */
const STORE_PAGE = 1000;

export class IcebergCatalog {
  readonly #tables: ManagedTables;

  constructor(private readonly options: IcebergCatalogOptions) {
    this.#tables = new ManagedTables({
      store: options.store,
      files: options.files,
      now: options.now ?? (() => new Date()),
    });
  }

  async listNamespaces(principal: Principal, parent: Namespace | undefined, page: PageRequest): Promise<NamespacePage> {
    const { products, store } = this.options;
    if (parent === undefined) {
      const managed: Namespace[] = [];
      for (let after: string | undefined; ;) {
        const chunk = await store.listIcebergNamespaces({ limit: STORE_PAGE, ...(after ? { after } : {}) });
        managed.push(...chunk.items.filter((n) => !products.isDomain(n.namespace[0]!)).map((n) => n.namespace));
        if (chunk.next === undefined) break;
        after = chunk.next;
      }
      const all = [...products.visibleDomains(principal).map((d) => [d]), ...managed].sort((a, b) =>
        a[0]! < b[0]! ? -1 : a[0]! > b[0]! ? 1 : 0,
      );
      const listed = pageOf(all, (n) => n[0]!, page);
      return { namespaces: listed.items, next: listed.next };
    }
    if (products.isDomain(parent[0]!)) {
      if (parent.length > 1 || !products.domainVisible(principal, parent[0]!)) throw noNamespace(parent);
      return { namespaces: [], next: null };
    }
    if (!(await store.getIcebergNamespace(parent))) throw noNamespace(parent);
    const listed = await this.#storePages(page, (after, limit) =>
      store.listIcebergNamespaces({ parent, limit, ...(after ? { after } : {}) }),
    );
    return { namespaces: listed.items.map((n) => n.namespace), next: listed.next };
  }

  async loadNamespace(principal: Principal, namespace: Namespace): Promise<NamespaceProperties> {
    const { products, store } = this.options;
    if (products.isDomain(namespace[0]!)) {
      if (namespace.length > 1 || !products.domainVisible(principal, namespace[0]!)) throw noNamespace(namespace);
      return { namespace, properties: {} };
    }
    const record = await store.getIcebergNamespace(namespace);
    if (!record) throw noNamespace(namespace);
    return { namespace, properties: record.properties };
  }

  async createNamespace(
    principal: Principal,
    namespace: Namespace,
    properties: Readonly<Record<string, string>>,
  ): Promise<NamespaceProperties> {
    this.#requireManager(principal, `create namespace ${namespaceLabel(namespace)}`);
    this.#refuseDomain(namespace);
    const created = await this.options.store.createIcebergNamespace({ namespace, properties, createdBy: principal.id });
    if (created.outcome !== 'created') {
      throw created.outcome === 'exists'
        ? new ConflictError('MW8256', `namespace ${namespaceLabel(namespace)} already exists`)
        : new NotFoundError(
            'MW8259',
            `namespace ${namespaceLabel(namespace.slice(0, -1))}, the parent of ${namespaceLabel(namespace)}, does not exist; create it first`,
          );
    }
    await this.#auditNamespace(principal, 'iceberg.namespace.created', namespace, { properties: { ...properties } });
    return { namespace, properties: created.namespace.properties };
  }

  async dropNamespace(principal: Principal, namespace: Namespace): Promise<void> {
    this.#requireManager(principal, `drop namespace ${namespaceLabel(namespace)}`);
    this.#refuseDomain(namespace);
    const dropped = await this.options.store.dropIcebergNamespace(namespace);
    if (dropped === 'missing') throw noNamespace(namespace);
    if (dropped === 'not-empty') {
      throw new ConflictError(
        'MW8258',
        `namespace ${namespaceLabel(namespace)} is not empty: drop its tables and child namespaces first`,
      );
    }
    await this.#auditNamespace(principal, 'iceberg.namespace.dropped', namespace, {});
  }

  async updateNamespaceProperties(
    principal: Principal,
    namespace: Namespace,
    updates: Readonly<Record<string, string>>,
    removals: readonly string[],
  ): Promise<PropertiesChange> {
    this.#requireManager(principal, `change namespace ${namespaceLabel(namespace)}`);
    this.#refuseDomain(namespace);
    const both = removals.filter((key) => Object.hasOwn(updates, key));
    if (both.length > 0) {
      throw new InputError('MW8270', `properties ${both.join(', ')} are both in updates and in removals`);
    }
    const result = await this.options.store.updateIcebergNamespaceProperties({ namespace, updates, removals });
    if (!result) throw noNamespace(namespace);
    await this.#auditNamespace(principal, 'iceberg.namespace.updated', namespace, {
      updated: [...result.updated],
      removed: [...result.removed],
    });
    return { updated: result.updated, removed: result.removed, missing: result.missing };
  }

  async listTables(principal: Principal, namespace: Namespace, page: PageRequest): Promise<TablePage> {
    const { products, store } = this.options;
    if (products.isDomain(namespace[0]!)) {
      if (namespace.length > 1 || !products.domainVisible(principal, namespace[0]!)) throw noNamespace(namespace);
      const listed = pageOf(await products.list(principal, namespace[0]!), (name) => name, page);
      return { identifiers: listed.items.map((name) => ({ namespace, name })), next: listed.next };
    }
    if (!(await store.getIcebergNamespace(namespace))) throw noNamespace(namespace);
    const listed = await this.#storePages(page, (after, limit) =>
      store.listIcebergTables({ namespace, limit, ...(after ? { after } : {}) }),
    );
    return { identifiers: listed.items.map((t) => ({ namespace, name: t.name })), next: listed.next };
  }

  async loadTable(principal: Principal, namespace: Namespace, name: string): Promise<TableResult> {
    const { products } = this.options;
    if (products.isDomain(namespace[0]!)) {
      if (namespace.length > 1) throw noTable(namespace, name);
      return products.load(principal, namespace[0]!, name);
    }
    return this.#tables.load(namespace, name);
  }

  async createTable(principal: Principal, namespace: Namespace, body: unknown): Promise<TableResult> {
    const { products } = this.options;
    if (products.isDomain(namespace[0]!)) {
      if (namespace.length > 1) throw noNamespace(namespace);
      const name = isObject(body) && typeof body.name === 'string' ? body.name : undefined;
      products.refuseCreate(principal, namespace[0]!, name);
    }
    this.#requireManager(principal, `create tables in ${namespaceLabel(namespace)}`);
    const request = readCreateTableRequest(body);
    checkTableName(request.name);
    return this.#tables.create(principal, namespace, request);
  }

  async commitTable(principal: Principal, namespace: Namespace, name: string, body: unknown): Promise<TableResult> {
    this.#refuseProductWrite(principal, namespace, name);
    this.#requireManager(principal, `commit to ${namespaceLabel(namespace)}.${name}`);
    return this.#tables.commit(principal, namespace, name, readCommitRequest(body));
  }

  async dropTable(principal: Principal, namespace: Namespace, name: string, purge: boolean): Promise<void> {
    this.#refuseProductWrite(principal, namespace, name);
    this.#requireManager(principal, `drop ${namespaceLabel(namespace)}.${name}`);
    await this.#tables.drop(principal, namespace, name, purge);
  }

  #refuseProductWrite(principal: Principal, namespace: Namespace, name: string): void {
    const { products } = this.options;
    if (!products.isDomain(namespace[0]!)) return;
    if (namespace.length > 1) throw noTable(namespace, name);
    products.refuseWrite(principal, namespace[0]!, name);
  }

  #refuseDomain(namespace: Namespace): void {
    if (!this.options.products.isDomain(namespace[0]!)) return;
    throw new NotAllowedError(
      'MW8263',
      `namespace ${namespaceLabel(namespace)} starts with the domain ${namespace[0]}: domain namespaces hold the domain's data products and are defined by the workspace`,
    );
  }

  #requireManager(principal: Principal, what: string): void {
    const decision = this.options.authorizer.isAllowed(principal, 'administer', { kind: 'mesh' });
    if (decision.allowed) return;
    throw new NotAllowedError(
      'MW8264',
      `not allowed to ${what}: managing the Iceberg catalog needs administer on the mesh${decision.reason ? ` (${decision.reason})` : ''}`,
    );
  }

  async #auditNamespace(
    principal: Principal,
    action: string,
    namespace: Namespace,
    details: Record<string, Readonly<Record<string, string>> | readonly string[]>,
  ): Promise<void> {
    await this.options.store.appendAudit({
      actor: principal.id,
      action,
      resource: `urn:meshwork:iceberg:namespace:${namespaceLabel(namespace)}`,
      details: { ...details, authenticatedBy: principal.authenticatedBy },
    });
  }

  /** A store-backed list: whole without a page token, else one page whose token wraps the store's cursor. */
  async #storePages<T>(
    page: PageRequest,
    fetch: (
      after: string | undefined,
      limit: number,
    ) => Promise<{ readonly items: readonly T[]; readonly next?: string }>,
  ): Promise<{ items: T[]; next: string | null }> {
    if (page.token === undefined) {
      const items: T[] = [];
      for (let after: string | undefined; ;) {
        const chunk = await fetch(after, STORE_PAGE);
        items.push(...chunk.items);
        if (chunk.next === undefined) return { items, next: null };
        after = chunk.next;
      }
    }
    const chunk = await fetch(decodeToken(page.token, 'store'), page.size);
    return { items: [...chunk.items], next: chunk.next === undefined ? null : encodeToken('store', chunk.next) };
  }
}
