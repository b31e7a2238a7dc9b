/**
 * Every route under the protected prefix answers 401 without credentials (identity/http-auth.ts
 * checks before any handler runs), so every one documents it: API clients generated from the
 * OpenAPI document then know the shape of that answer. Done once here, as routes are added,
 * rather than in each of the route files, where it was easy to forget.
 */
import type { FastifyInstance, RouteOptions } from 'fastify';
import { ErrorSchema } from './api-schemas.js';

export function documentUnauthenticatedResponses(app: FastifyInstance, protectedPrefix = '/api/v1'): void {
  app.addHook('onRoute', (route: RouteOptions) => {
    if (route.url !== protectedPrefix && !route.url.startsWith(`${protectedPrefix}/`)) return;
    const schema = (route.schema ??= {});
    const response = (schema.response ?? {}) as Record<string, unknown>;
    if (response['401'] !== undefined || response[401] !== undefined) return;
    schema.response = { ...response, 401: ErrorSchema };
  });
}
