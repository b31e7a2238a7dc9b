/**
 * The HTTP server: the API under /api/v1 with its OpenAPI 3.1 document generated from the route
 * schemas (/api/openapi.json) and a reference page (/api/docs), plus health endpoints.
 * Every /api/v1 route needs a bearer credential (identity/http-auth.ts); health, the OpenAPI
 * document and the reference page stay open.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { installHttpAuth } from '../identity/http-auth.js';
import { handleHttpError } from './http-errors.js';
import type { PlatformServices } from './platform-services.js';
import { accessRoutes } from './routes/access-routes.js';
import { contractDiffRoutes } from './routes/contract-diff-routes.js';
import { contractVersionRoutes } from './routes/contract-version-routes.js';
import { documentUnauthenticatedResponses } from './unauthenticated-responses.js';
import { productsRoutes } from './routes/products-routes.js';
import { productDetailRoutes } from './routes/product-detail-routes.js';
import { runsRoutes } from './routes/runs-routes.js';
import { queryRoutes } from './routes/query-routes.js';
import { usageRoutes } from './routes/usage-routes.js';
import { governanceRoutes } from './routes/governance-routes.js';
import { knowledgeRoutes } from '../knowledge/knowledge-routes.js';
import { glossaryEntitiesRoutes } from '../knowledge/glossary-entities-routes.js';
import { metricsRoutes } from '../knowledge/metrics-routes.js';
import { searchRoutes } from './routes/search-routes.js';
import { catalogRoutes } from './routes/catalog-routes.js';
import { lineageRoutes } from '../lineage/lineage-routes.js';
import { openLineageRoutes } from '../openlineage/openlineage-routes.js';
import { incidentRoutes } from '../incidents/incident-routes.js';
import { meshMapRoutes } from '../mesh-map/mesh-map-routes.js';
import { meRoutes } from './routes/me-routes.js';
import { demoUsersRoutes } from './routes/demo-users-routes.js';
import { icebergCatalogRoutes } from '../iceberg/catalog/iceberg-catalog-routes.js';
import { portalStatic } from './portal-static.js';
import type { DemoToken } from '../identity/demo-tokens.js';
import { installHttpOperations, type HttpOperations } from '../operations/http-operations.js';
import { requestIdFor } from '../operations/logging/request-id.js';
import { structuredLogOptions, type StructuredLogSettings } from '../operations/logging/structured-log-options.js';

export interface HttpServerOptions {
  /** Structured JSON logs, secrets redacted (operations/logging); default off (tests). */
  readonly logger?: boolean | StructuredLogSettings;
  /** Metrics, readiness phases and who may read `/metrics` (operations/http-operations.ts). */
  readonly operations?: HttpOperations;
  /** DEMO ONLY (`mesh demo`): the demo users and tokens the portal's login page offers. */
  readonly demoUsers?: readonly DemoToken[];
  /** The built portal served at `/` (default packages/portal/dist). */
  readonly portalRoot?: string;
}

export async function createHttpServer(
  services: PlatformServices,
  options: HttpServerOptions = {},
): Promise<FastifyInstance> {
  const logger = options.logger === true ? {} : options.logger || undefined;
  const app = Fastify({
    logger: logger ? structuredLogOptions(logger) : false,
    // An incoming x-request-id is kept when sane; it is echoed on every response.
    genReqId: requestIdFor,
  }).withTypeProvider<TypeBoxTypeProvider>();
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Meshwork API', version: '0.1.0', description: 'Data products, runs and the mesh model.' },
      tags: [
        {
          name: 'products',
          description: 'The catalog: products, their detail, contracts, health, changes and search.',
        },
        { name: 'runs', description: 'Builds of products: runs, their steps and checks.' },
        { name: 'access', description: 'Access requests and agreements: request, approve, reject, revoke.' },
        { name: 'query', description: 'The governed SQL gateway: queries under the caller’s policies.' },
        { name: 'usage', description: 'Who queried what: usage of products, for their owners and for oneself.' },
        {
          name: 'glossary',
          description: 'The semantic layer: glossary, knowledge graph, join paths, metrics, RDF and DCAT.',
        },
        { name: 'governance', description: 'Publish-time policies: findings, compliance, waivers, checks.' },
        { name: 'lineage', description: 'Lineage and impact, and OpenLineage events in.' },
        { name: 'incidents', description: 'When products were failing or stale, and why.' },
        { name: 'operations', description: 'Liveness and readiness.' },
      ],
      components: {
        securitySchemes: {
          bearer: {
            type: 'http',
            scheme: 'bearer',
            description:
              'An API token (`mesh token create <principal>`, `mwt_…`) or a JWT of the configured OIDC issuer.',
          },
        },
      },
      security: [{ bearer: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.setErrorHandler(handleHttpError);
  // Health, readiness, metrics and the request id (before authentication, so a 401 has an id too).
  installHttpOperations(app, services, options.operations);
  installHttpAuth(app, services.authenticator);
  documentUnauthenticatedResponses(app);
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await app.register(productsRoutes(services));
  await app.register(productDetailRoutes(services));
  await app.register(contractDiffRoutes(services));
  await app.register(contractVersionRoutes(services));
  await app.register(runsRoutes(services));
  await app.register(accessRoutes(services));
  await app.register(queryRoutes(services));
  await app.register(usageRoutes(services));
  await app.register(governanceRoutes(services));
  await app.register(knowledgeRoutes(services));
  await app.register(glossaryEntitiesRoutes(services));
  await app.register(metricsRoutes(services));
  await app.register(searchRoutes(services));
  await app.register(catalogRoutes(services));
  await app.register(lineageRoutes(services));
  await app.register(openLineageRoutes(services));
  await app.register(incidentRoutes(services));
  await app.register(meshMapRoutes(services));
  await app.register(meRoutes());
  // The Iceberg REST catalog: its own body parser, error shape and not-found answers (iceberg/catalog).
  await app.register(icebergCatalogRoutes(services), { prefix: '/iceberg' });
  if (options.demoUsers) await app.register(demoUsersRoutes(options.demoUsers));
  await app.register(portalStatic({ root: options.portalRoot }));
  return app;
}
