/** Demo tokens: one working token per principal, kept across runs, replaced when no longer valid. */
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMetadataStore } from '../metadata/create-metadata-store.js';
import type { MetadataStore } from '../metadata/metadata-store.js';
import { demoTokensFile, ensureDemoTokens } from './demo-tokens.js';
import { meshModel } from './test-support/identity-fixtures.js';
import { createTokenService } from './token-service.js';
import { parseToken } from './token-format.js';

let root: string;
let store: MetadataStore;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'meshwork-demo-tokens-'));
  store = await createMetadataStore({ kind: 'sqlite', path: join(root, 'meshwork.db') });
});
afterAll(async () => {
  await store?.close();
  await rm(root, { recursive: true, force: true });
});

describe('ensureDemoTokens', () => {
  it('keeps one valid token per user and service account in a private file', async () => {
    const model = meshModel();
    const file = demoTokensFile(root);
    expect(file).toBe(join(root, '.meshwork', 'demo-tokens.json'));
    const first = await ensureDemoTokens({ store, model, file });
    expect(first.map(({ principalId, kind, name, roles }) => ({ principalId, kind, name, roles }))).toEqual([
      { principalId: 'alice', kind: 'user', name: 'Alice', roles: ['consumer'] },
      { principalId: 'bob', kind: 'user', name: 'Bob', roles: ['owner'] },
      { principalId: 'etl-bot', kind: 'service', name: 'etl-bot', roles: ['producer'] },
    ]);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(first);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const tokens = createTokenService({ store, model });
    for (const entry of first) {
      await expect(tokens.authenticate(entry.token)).resolves.toMatchObject({ id: entry.principalId });
    }

    // Again: the same tokens. Then bob's is revoked: only his is replaced.
    expect(await ensureDemoTokens({ store, model, file })).toEqual(first);
    await tokens.revoke(parseToken(first[1]!.token)!.id, 'test');
    const third = await ensureDemoTokens({ store, model, file });
    expect(third[0]).toEqual(first[0]);
    expect(third[2]).toEqual(first[2]);
    expect(third[1]!.token).not.toBe(first[1]!.token);
    await expect(tokens.authenticate(third[1]!.token)).resolves.toMatchObject({ id: 'bob' });

    // A damaged file, or tokens swapped between principals, get fresh tokens.
    await writeFile(
      file,
      JSON.stringify([
        { principalId: 'alice', token: third[1]!.token },
        { principalId: 'bob', token: 'garbage' },
      ]),
    );
    const fourth = await ensureDemoTokens({ store, model, file });
    expect(fourth[0]!.token).not.toBe(third[1]!.token);
    await expect(tokens.authenticate(fourth[0]!.token)).resolves.toMatchObject({ id: 'alice' });
    await writeFile(file, '{ not json');
    expect(await ensureDemoTokens({ store, model, file })).toHaveLength(3);
  });
});
