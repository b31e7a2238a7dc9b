/**
 * HTTP authentication: an onRequest hook reads `Authorization: Bearer <credential>`, asks the
 * authenticator, and sets `request.principal`. Invalid credentials are a 401 with the usual error
 * body and `WWW-Authenticate: Bearer` (RFC 6750); no header means no principal, which routes
 * under the protected prefixes (default `/api/v1`) refuse with MW5201 — so a new API route is
 * protected without doing anything. The credential is never logged or echoed.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { UnauthenticatedError } from '@meshwork/core';
import { requirePrincipal } from '../http/request-principal.js';
import type { Authenticator } from './authenticator.js';

export interface HttpAuthOptions {
  /** Route prefixes that need a principal; default `['/api/v1']`. */
  readonly protectedPrefixes?: readonly string[];
}

const BEARER = /^Bearer +(\S+) *$/i;
const CHALLENGE = 'Bearer realm="meshwork"';

/** What the hook needs of a Fastify instance, whatever its type provider. */
type HookTarget = Pick<FastifyInstance, 'addHook' | 'decorateRequest'>;

/** Installs the hook on `app` itself (not in a child context), so it runs before every route. */
export function installHttpAuth(app: HookTarget, authenticator: Authenticator, options: HttpAuthOptions = {}): void {
  const prefixes = options.protectedPrefixes ?? ['/api/v1'];
  app.decorateRequest('principal', undefined);
  app.addHook('onRequest', authenticationHook(authenticator, prefixes));
  app.addHook('onSend', async (_request, reply, payload) => {
    if (reply.statusCode === 401 && !reply.hasHeader('www-authenticate'))
      void reply.header('WWW-Authenticate', CHALLENGE);
    return payload;
  });
}

export function authenticationHook(
  authenticator: Authenticator,
  protectedPrefixes: readonly string[],
): (request: FastifyRequest, reply: FastifyReply) => Promise<void> {
  return async (request, reply) => {
    const header = request.headers.authorization;
    if (header !== undefined) {
      const match = BEARER.exec(header);
      if (!match) {
        void reply.header('WWW-Authenticate', `${CHALLENGE}, error="invalid_request"`);
        throw new UnauthenticatedError('MW5202', 'send credentials as `Authorization: Bearer <credential>`.');
      }
      try {
        request.principal = await authenticator.authenticate(match[1]!);
      } catch (error) {
        if (error instanceof UnauthenticatedError) {
          void reply.header('WWW-Authenticate', `${CHALLENGE}, error="invalid_token"`);
        }
        throw error;
      }
    }
    if (isProtected(request, protectedPrefixes)) requirePrincipal(request);
  };
}

function isProtected(request: FastifyRequest, prefixes: readonly string[]): boolean {
  // The matched route's pattern, not the raw URL: encodings and query strings cannot dodge it.
  const path = request.routeOptions.url ?? request.url.split('?')[0] ?? '';
  return prefixes.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}
