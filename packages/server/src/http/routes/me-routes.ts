/**
 * `GET /api/v1/me`: who the caller's credential stands for — what the portal shows in its header
 * after a token is pasted, and a quick check of a token from a script. Only the caller's own
 * identity, roles and token scopes; nothing about anyone else.
 */
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorSchema } from '../api-schemas.js';
import { requirePrincipal } from '../request-principal.js';

const MeSchema = Type.Object({
  id: Type.String(),
  kind: Type.Union([Type.Literal('user'), Type.Literal('service')]),
  name: Type.Union([Type.String(), Type.Null()]),
  email: Type.Union([Type.String(), Type.Null()]),
  teams: Type.Array(Type.String()),
  groups: Type.Array(Type.String()),
  roles: Type.Array(Type.String()),
  scopes: Type.Union([Type.Array(Type.String()), Type.Null()], {
    description: "the token's scopes; null when it is unrestricted",
  }),
});

export function meRoutes(): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/v1/me',
      {
        schema: {
          summary: 'Who I am: the principal of my credential, its roles and scopes',
          tags: ['access'],
          response: { 200: MeSchema, 401: ErrorSchema },
        },
      },
      async (request) => {
        const me = requirePrincipal(request);
        return {
          id: me.id,
          kind: me.kind,
          name: me.name ?? null,
          email: me.email ?? null,
          teams: [...me.teams],
          groups: [...me.groups],
          roles: [...me.roles],
          scopes: me.scopes ? [...me.scopes] : null,
        };
      },
    );
  };
}
