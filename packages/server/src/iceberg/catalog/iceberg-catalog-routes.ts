/**
 * The Iceberg REST catalog over HTTP, registered under `/iceberg` (create-http-server.ts): every
 * route with and without the spec's `{prefix}` (`/iceberg/v1/namespaces` and
 * `/iceberg/v1/<catalogName>/namespaces`). Thin: paths and query strings are read here, bodies
 * and decisions belong to IcebergCatalog.
 *
 * In this plugin's scope only: bodies are parsed with parseIcebergJson (Fastify's JSON parser
 * would round snapshot ids above 2^53), responses are written with stringifyIcebergJson, errors
 * have the spec's shape (iceberg-error-reply.ts), and every route needs a bearer credential.
 * The routes are left out of the Meshwork OpenAPI document: the Iceberg spec documents them.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { InputError, NotFoundError } from '@meshwork/core';
import { createAgreementLookup } from '../../agreements/agreement-lookup.js';
import { RelationCatalog } from '../../gateway/relation-catalog.js';
import type { PlatformServices } from '../../http/platform-services.js';
import { requirePrincipal } from '../../http/request-principal.js';
import { parseIcebergJson, stringifyIcebergJson } from '../iceberg-json.js';
import { catalogConfig, DEFAULT_CATALOG_NAME } from './catalog-config.js';
import { checkNamespace, checkTableName, namespaceFromPath, type Namespace } from './catalog-names.js';
import { IcebergCatalog } from './iceberg-catalog.js';
import { handleIcebergError } from './iceberg-error-reply.js';
import { jsonObject, stringList, stringMap } from './json-fields.js';
import type { TableResult } from './managed-tables.js';
import { MetadataFiles } from './metadata-files.js';
import { pageRequest } from './page-tokens.js';
import { ProductTables } from './product-tables.js';

/** Commit bodies carry schemas and snapshots; Fastify's default 1 MiB is too tight for some. */
const BODY_LIMIT = 16 * 1024 * 1024;

/** Endpoints of the spec this catalog does not serve: 406 rather than an unexplained 404. */
const UNSUPPORTED =
  /^\/iceberg\/v1\/(?:[^/]+\/)?(?:tables\/rename|transactions\/commit|oauth\/tokens|namespaces\/[^/]+\/(?:register|register-view|views(?:\/.*)?|tables\/[^/]+\/(?:plan|tasks|credentials|sign)(?:\/.*)?))$/;

export interface IcebergRoutesOptions {
  readonly catalog: IcebergCatalog;
  /** mesh.yaml `iceberg.catalogName`: the prefix and warehouse name clients use. */
  readonly catalogName: string;
}

/** The catalog assembled from the platform's services; register with `{ prefix: '/iceberg' }`. */
export function icebergCatalogRoutes(services: PlatformServices): FastifyPluginAsync {
  const settings = services.model.config.iceberg ?? {};
  if (settings.disabled) return disabledCatalog;
  const products = new ProductTables({
    model: services.model,
    relations: new RelationCatalog(services.model, services.warehouse),
    warehouse: services.warehouse,
    authorizer: services.authorizer,
    agreements: createAgreementLookup(services.store),
    engines: settings.engines ?? [],
    now: () => new Date(),
  });
  const catalog = new IcebergCatalog({
    store: services.store,
    files: new MetadataFiles(services.warehouse.location),
    products,
    authorizer: services.authorizer,
  });
  return icebergRoutes({ catalog, catalogName: settings.catalogName ?? DEFAULT_CATALOG_NAME });
}

export function icebergRoutes(options: IcebergRoutesOptions): FastifyPluginAsync {
  const { catalog, catalogName } = options;
  return async (app) => {
    installIcebergEdge(app);
    app.addHook('onRequest', async (request) => {
      requirePrincipal(request);
    });

    app.get('/v1/config', { schema: { hide: true } }, async (request, reply) => {
      const { warehouse } = request.query as { warehouse?: string };
      if (warehouse !== undefined && warehouse !== '' && warehouse !== catalogName) throw unknownCatalog(warehouse);
      return sendJson(reply, 200, catalogConfig(catalogName));
    });

    for (const base of ['/v1', '/v1/:prefix']) {
      const ns = `${base}/namespaces/:namespace`;
      const table = `${ns}/tables/:table`;

      app.get(`${base}/namespaces`, { schema: { hide: true } }, async (request, reply) => {
        checkPrefix(request, catalogName);
        const query = request.query as { parent?: string; pageToken?: string; pageSize?: string };
        const parent = query.parent === undefined || query.parent === '' ? undefined : namespaceFromPath(query.parent);
        const page = await catalog.listNamespaces(
          principalOf(request),
          parent,
          pageRequest(query.pageToken, query.pageSize),
        );
        return sendJson(reply, 200, { namespaces: page.namespaces, 'next-page-token': page.next });
      });

      app.post(`${base}/namespaces`, { schema: { hide: true } }, async (request, reply) => {
        checkPrefix(request, catalogName);
        const body = jsonObject(request.body, '');
        const namespace = checkNamespace(body.namespace, '/namespace');
        const created = await catalog.createNamespace(
          principalOf(request),
          namespace,
          stringMap(body, 'properties', ''),
        );
        return sendJson(reply, 200, created);
      });

      app.get(ns, { schema: { hide: true }, exposeHeadRoute: false }, async (request, reply) => {
        const loaded = await catalog.loadNamespace(principalOf(request), namespaceOf(request, catalogName));
        return sendJson(reply, 200, loaded);
      });

      app.head(ns, { schema: { hide: true } }, async (request, reply) => {
        await catalog.loadNamespace(principalOf(request), namespaceOf(request, catalogName));
        return reply.code(204).send();
      });

      app.delete(ns, { schema: { hide: true } }, async (request, reply) => {
        await catalog.dropNamespace(principalOf(request), namespaceOf(request, catalogName));
        return reply.code(204).send();
      });

      app.post(`${ns}/properties`, { schema: { hide: true } }, async (request, reply) => {
        const namespace = namespaceOf(request, catalogName);
        const body = jsonObject(request.body, '');
        const change = await catalog.updateNamespaceProperties(
          principalOf(request),
          namespace,
          stringMap(body, 'updates', ''),
          stringList(body, 'removals', ''),
        );
        return sendJson(reply, 200, change);
      });

      app.get(`${ns}/tables`, { schema: { hide: true } }, async (request, reply) => {
        const namespace = namespaceOf(request, catalogName);
        const query = request.query as { pageToken?: string; pageSize?: string };
        const page = await catalog.listTables(
          principalOf(request),
          namespace,
          pageRequest(query.pageToken, query.pageSize),
        );
        return sendJson(reply, 200, { identifiers: page.identifiers, 'next-page-token': page.next });
      });

      app.post(`${ns}/tables`, { schema: { hide: true } }, async (request, reply) => {
        const created = await catalog.createTable(
          principalOf(request),
          namespaceOf(request, catalogName),
          request.body,
        );
        return sendTable(reply, tableAnswer(created));
      });

      app.get(table, { schema: { hide: true }, exposeHeadRoute: false }, async (request, reply) => {
        const [namespace, name] = tableOf(request, catalogName);
        const { snapshots } = request.query as { snapshots?: string };
        if (snapshots !== undefined && snapshots !== 'all' && snapshots !== 'refs') {
          throw new InputError('MW8250', `snapshots: must be "all" or "refs"; got ${JSON.stringify(snapshots)}`);
        }
        const loaded = await catalog.loadTable(principalOf(request), namespace, name);
        const answer = tableAnswer(snapshots === 'refs' ? referencedOnly(loaded) : loaded);
        if (answer.etag !== undefined && request.headers['if-none-match'] === answer.etag)
          return reply.code(304).send();
        return sendTable(reply, answer);
      });

      app.head(table, { schema: { hide: true } }, async (request, reply) => {
        const [namespace, name] = tableOf(request, catalogName);
        await catalog.loadTable(principalOf(request), namespace, name);
        return reply.code(204).send();
      });

      app.post(table, { schema: { hide: true } }, async (request, reply) => {
        const [namespace, name] = tableOf(request, catalogName);
        const committed = await catalog.commitTable(principalOf(request), namespace, name, request.body);
        return sendTable(reply, tableAnswer(committed), false);
      });

      app.delete(table, { schema: { hide: true } }, async (request, reply) => {
        const [namespace, name] = tableOf(request, catalogName);
        const { purgeRequested } = request.query as { purgeRequested?: string };
        await catalog.dropTable(principalOf(request), namespace, name, purgeRequested === 'true');
        return reply.code(204).send();
      });

      // Scan and commit reports: accepted and not kept (clients that see the endpoint send them).
      app.post(`${table}/metrics`, { schema: { hide: true } }, async (request, reply) => {
        tableOf(request, catalogName);
        return reply.code(204).send();
      });
    }
  };
}

/** Body parsing, errors and unknown routes, in the plugin's scope only. */
function installIcebergEdge(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string', bodyLimit: BODY_LIMIT }, (_request, text, done) => {
    if (typeof text !== 'string' || text.trim() === '') {
      done(new InputError('MW8250', 'the request body is empty; send a JSON object'), undefined);
      return;
    }
    try {
      done(null, parseIcebergJson(text));
    } catch (error) {
      done(new InputError('MW8250', `the request body is not valid JSON: ${(error as Error).message}`), undefined);
    }
  });
  app.setErrorHandler(handleIcebergError);
  app.setNotFoundHandler(async (request) => {
    requirePrincipal(request);
    const path = request.url.split('?')[0] ?? '';
    if (UNSUPPORTED.test(path)) {
      throw new NotFoundError(
        'MW8269',
        `${request.method} ${path} is not supported by this catalog; GET /iceberg/v1/config lists the endpoints it serves`,
      );
    }
    throw new NotFoundError(
      'MW8272',
      `no Iceberg route ${request.method} ${path}; GET /iceberg/v1/config lists the endpoints`,
    );
  });
}

const disabledCatalog: FastifyPluginAsync = async (app) => {
  app.setErrorHandler(handleIcebergError);
  app.setNotFoundHandler(async () => {
    throw new NotFoundError('MW8271', 'the Iceberg catalog is disabled in mesh.yaml (iceberg.disabled)');
  });
};

function principalOf(request: FastifyRequest) {
  return requirePrincipal(request);
}

function checkPrefix(request: FastifyRequest, catalogName: string): void {
  const { prefix } = request.params as { prefix?: string };
  if (prefix !== undefined && prefix !== catalogName) throw unknownCatalog(prefix);
}

function unknownCatalog(name: string): NotFoundError {
  return new NotFoundError(
    'MW8267',
    `no catalog ${JSON.stringify(name)} here; this one is named by mesh.yaml iceberg.catalogName`,
  );
}

function namespaceOf(request: FastifyRequest, catalogName: string): Namespace {
  checkPrefix(request, catalogName);
  return namespaceFromPath((request.params as { namespace: string }).namespace);
}

function tableOf(request: FastifyRequest, catalogName: string): [Namespace, string] {
  const namespace = namespaceOf(request, catalogName);
  return [namespace, checkTableName((request.params as { table: string }).table)];
}

function sendJson(reply: FastifyReply, status: number, body: unknown): FastifyReply {
  return reply.code(status).type('application/json; charset=utf-8').send(stringifyIcebergJson(body));
}

interface TableAnswer {
  readonly metadataLocation?: string;
  /** The metadata as JSON text: the file as written when it is at hand, else serialised here. */
  readonly metadata: string;
  /** Undefined for a staged create, which has no committed version. */
  readonly etag?: string;
}

function tableAnswer(table: TableResult): TableAnswer {
  const metadata = table.text ?? stringifyIcebergJson(table.metadata);
  if (table.metadataLocation === undefined) return { metadata };
  // The content decides, not only the location: a file is never rewritten, but stay safe if one is.
  const etag = `"${createHash('sha256').update(table.metadataLocation).update('\n').update(metadata).digest('base64url').slice(0, 32)}"`;
  return { metadataLocation: table.metadataLocation, metadata, etag };
}

/** LoadTableResult (or CommitTableResponse, without `config`), with the metadata text spliced in. */
function sendTable(reply: FastifyReply, answer: TableAnswer, withConfig = true): FastifyReply {
  const location =
    answer.metadataLocation === undefined ? '' : `"metadata-location":${JSON.stringify(answer.metadataLocation)},`;
  const body = `{${location}"metadata":${answer.metadata}${withConfig ? ',"config":{}' : ''}}`;
  if (answer.etag !== undefined) void reply.header('etag', answer.etag);
  return reply.code(200).type('application/json; charset=utf-8').send(body);
}

/** `snapshots=refs`: only the snapshots a branch or tag points to. */
function referencedOnly(table: TableResult): TableResult {
  const referenced = new Set(Object.values(table.metadata.refs ?? {}).map((ref) => ref['snapshot-id']));
  const snapshots = (table.metadata.snapshots ?? []).filter((s) => referenced.has(s['snapshot-id']));
  return {
    ...(table.metadataLocation !== undefined ? { metadataLocation: table.metadataLocation } : {}),
    metadata: { ...table.metadata, snapshots },
  };
}
