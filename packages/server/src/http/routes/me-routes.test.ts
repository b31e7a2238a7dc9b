/** `GET /api/v1/me` on a real `mesh serve`: the caller's own identity, roles and token scopes. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccessWorkspace, type AccessWorkspace } from '../../agreements/test-support/access-workspace.js';
import { startPlatform, type RunningPlatform } from '../../platform/start-platform.js';

let workspace: AccessWorkspace;
let platform: RunningPlatform;

beforeAll(async () => {
  workspace = await createAccessWorkspace();
  platform = await startPlatform({ root: workspace.root, env: {}, port: 0, wirePort: false });
});
afterAll(async () => {
  await platform?.close();
  await workspace?.dispose();
});

const me = async (token?: string) => {
  const response = await fetch(
    `${platform.url}/api/v1/me`,
    token ? { headers: { authorization: `Bearer ${token}` } } : {},
  );
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

describe('GET /api/v1/me', () => {
  it('says who an unrestricted token stands for', async () => {
    const { token } = await platform.services.authenticator.tokens.create('olga', { createdBy: 'test' });
    expect(await me(token)).toEqual({
      status: 200,
      body: {
        id: 'olga',
        kind: 'user',
        name: 'olga',
        email: null,
        teams: ['sales-data'],
        groups: [],
        roles: ['owner'],
        scopes: null,
      },
    });
  });

  it("shows a scoped token's scopes and a service account's kind", async () => {
    const { token } = await platform.services.authenticator.tokens.create('churn-bot', {
      createdBy: 'test',
      scopes: ['query'],
    });
    expect((await me(token)).body).toMatchObject({ id: 'churn-bot', kind: 'service', scopes: ['query'] });
  });

  it('needs a credential', async () => {
    expect(await me()).toMatchObject({ status: 401, body: { error: { code: 'MW5201' } } });
  });
});
