/**
 * The demo-only users list: what `mesh demo` hands the portal's login page, to loopback clients
 * only, never cached.
 */
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import type { DemoToken } from '../../identity/demo-tokens.js';
import { demoUsersRoutes } from './demo-users-routes.js';

const USERS: DemoToken[] = [
  { principalId: 'ana', kind: 'user', name: 'Ana Silva', roles: ['consumer'], token: 'mwt_ana' },
  { principalId: 'churn-bot', kind: 'service', name: 'churn-bot', roles: [], token: 'mwt_bot' },
];

async function appWithDemoUsers() {
  const app = Fastify();
  await app.register(demoUsersRoutes(USERS));
  return app;
}

describe('GET /api/demo/users', () => {
  it('lists the demo users with their tokens for this machine, uncached', async () => {
    const app = await appWithDemoUsers();
    const response = await app.inject({ url: '/api/demo/users', remoteAddress: '127.0.0.1' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.json()).toEqual({
      users: [
        { id: 'ana', kind: 'user', name: 'Ana Silva', roles: ['consumer'], token: 'mwt_ana' },
        { id: 'churn-bot', kind: 'service', name: 'churn-bot', roles: [], token: 'mwt_bot' },
      ],
    });
    expect((await app.inject({ url: '/api/demo/users', remoteAddress: '::1' })).statusCode).toBe(200);
    await app.close();
  });

  it('does not exist for a client on another machine', async () => {
    const app = await appWithDemoUsers();
    const response = await app.inject({ url: '/api/demo/users', remoteAddress: '192.168.1.20' });
    expect(response.statusCode).toBe(404);
    expect(response.body).not.toContain('mwt_');
    await app.close();
  });
});
