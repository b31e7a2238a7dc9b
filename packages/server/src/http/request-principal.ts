/**
 * The authenticated principal of an HTTP request. The authentication hook (identity/http-auth.ts)
 * sets `request.principal` from the `Authorization: Bearer <token>` header before any route runs;
 * routes that need one call `requirePrincipal`, which answers 401 (MW5201) when there is none.
 * Every route under /api/v1 already has one: the hook refuses requests without credentials there.
 */
import type { FastifyRequest } from 'fastify';
import { UnauthenticatedError } from '@meshwork/core';
import type { Principal } from '../identity/principal.js';

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
  }
}

export function currentPrincipal(request: FastifyRequest): Principal | undefined {
  return request.principal;
}

/** The request's principal; UnauthenticatedError MW5201 (HTTP 401) when it sent no credentials. */
export function requirePrincipal(request: FastifyRequest): Principal {
  if (request.principal) return request.principal;
  throw new UnauthenticatedError(
    'MW5201',
    'authentication required: send `Authorization: Bearer <token>` (create one with `mesh token create`).',
  );
}
