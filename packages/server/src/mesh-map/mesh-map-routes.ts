/**
 * `GET /api/v1/mesh-map`: the whole mesh the caller may discover in one answer — product by
 * product while it is small, domain by domain above the threshold — and `?domain=` to drill into
 * one domain. Only products the caller may discover (the products list's own check), the others
 * counted in `hidden`; a domain with none of them is as unknown as a domain that does not exist.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { NotFoundError } from '@meshwork/core';
import type { Authorizer } from '../access/access-types.js';
import { ErrorSchema } from '../http/api-schemas.js';
import { requirePrincipal } from '../http/request-principal.js';
import { domainAnswer, meshMapAnswer } from './mesh-map-answer.js';
import { createMeshMapCache, type MeshMapSources } from './mesh-map-cache.js';
import { meshMapParams } from './mesh-map-params.js';
import { MeshMapQuerySchema, MeshMapSchema } from './mesh-map-schemas.js';
import { createVisibilityCache } from './mesh-map-visibility.js';

/** What the route reads: the platform's services satisfy it. */
export interface MeshMapServices extends MeshMapSources {
  readonly authorizer: Authorizer;
}

export function meshMapRoutes(services: MeshMapServices): FastifyPluginAsyncTypebox {
  const cache = createMeshMapCache(services);
  const visibility = createVisibilityCache();
  return async (app) => {
    app.get(
      '/api/v1/mesh-map',
      {
        schema: {
          summary: 'The mesh map: products (or domains, for a large mesh) with their health and who reads whom',
          tags: ['products'],
          querystring: MeshMapQuerySchema,
          response: { 200: MeshMapSchema, 400: ErrorSchema, 401: ErrorSchema, 404: ErrorSchema },
        },
      },
      async (request) => {
        const params = meshMapParams(request.query);
        const principal = requirePrincipal(request);
        const state = await cache.current();
        // The products list's own check (discover), remembered per principal (mesh-map-visibility.ts).
        const visible = visibility.visible(state.index, services.authorizer, principal);
        if (params.domain === undefined) return meshMapAnswer(state, visible, params.threshold);
        const d = state.index.domainIndex.get(params.domain);
        const answer = d === undefined ? undefined : domainAnswer(state, visible, d, params.threshold);
        // A domain with none of the caller's products — hidden or none at all — is as unknown as
        // a missing one: its existence is not the caller's to learn either.
        if (!answer || answer.visibleProducts === 0) {
          throw new NotFoundError('MW8921', `no domain "${params.domain}" on the mesh map`);
        }
        return answer;
      },
    );
  };
}
