/**
 * DEMO ONLY: `GET /api/demo/users` lists the demo mesh's users, each with a working API token, so
 * the portal's login page can offer "sign in as Ana (consumer)". It exists only when `mesh demo`
 * (what `npm start` runs) passes the tokens it has just printed on the terminal and written to
 * `.meshwork/demo-tokens.json`; `mesh serve` never registers it. That is acceptable for a local
 * demo because it reveals nothing the person at the terminal has not already been shown, the
 * demo listens on 127.0.0.1 only, and the route answers loopback clients only — a real
 * deployment has no such list to give away.
 */
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { DemoToken } from '../../identity/demo-tokens.js';

const DemoUsersSchema = Type.Object({
  users: Type.Array(
    Type.Object({
      id: Type.String(),
      kind: Type.Union([Type.Literal('user'), Type.Literal('service')]),
      name: Type.String(),
      roles: Type.Array(Type.String()),
      token: Type.String(),
    }),
  ),
});

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

export function demoUsersRoutes(demoUsers: readonly DemoToken[]): FastifyPluginAsyncTypebox {
  const users = demoUsers.map((u) => ({
    id: u.principalId,
    kind: u.kind,
    name: u.name,
    roles: [...u.roles],
    token: u.token,
  }));
  return async (app) => {
    app.get(
      '/api/demo/users',
      {
        schema: {
          summary: 'DEMO ONLY (`npm start`): the demo users with their tokens, for the portal login',
          tags: ['access'],
          security: [],
          response: { 200: DemoUsersSchema },
        },
      },
      async (request, reply) => {
        // Beyond this machine the list does not exist (the same 404 as without the demo).
        if (!LOOPBACK.has(request.socket.remoteAddress ?? '')) return reply.callNotFound();
        return reply.header('cache-control', 'no-store').send({ users });
      },
    );
  };
}
