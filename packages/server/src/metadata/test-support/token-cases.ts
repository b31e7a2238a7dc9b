/**
 * API tokens: stored with the hash of their secret only, listed newest first without it,
 * revoked once, and touched forwards only.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { TokenInput, TokenRecord } from '../token-types.js';
import { manualClock, useStores, type MetadataStoreHarness } from './conformance-harness.js';
import { allPages } from './metadata-fixtures.js';

const hashOf = (seed: string) => createHash('sha256').update(seed).digest('hex');

function tokenInput(id: string, overrides: Partial<TokenInput> = {}): TokenInput {
  return {
    id,
    principalId: 'alice',
    principalKind: 'user',
    secretHash: hashOf(id),
    createdBy: 'admin',
    expiresAt: '2024-08-01T12:00:00.000Z',
    ...overrides,
  };
}

function newestFirst(a: TokenRecord, b: TokenRecord): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

export function describeTokenCases(harness: MetadataStoreHarness): void {
  describe('API tokens', () => {
    const stores = useStores(harness);

    it('stores a token with its hash, returns the hash only from getToken', async () => {
      const clock = manualClock();
      const { store } = await stores.fresh({ now: clock.now });
      const created = await store.createToken(
        tokenInput('aaaaaaaaaaaaaaaa', {
          description: 'BI dashboard',
          scopes: ['query', 'discover', 'query'],
          expiresAt: new Date('2024-07-30T12:00:00.000Z'),
        }),
      );
      expect(created).toEqual({
        id: 'aaaaaaaaaaaaaaaa',
        principalId: 'alice',
        principalKind: 'user',
        description: 'BI dashboard',
        scopes: ['discover', 'query'],
        createdBy: 'admin',
        createdAt: '2024-05-01T12:00:00.000Z',
        expiresAt: '2024-07-30T12:00:00.000Z',
        revokedAt: null,
        revokedBy: null,
        lastUsedAt: null,
      });
      expect(await store.getToken('aaaaaaaaaaaaaaaa')).toEqual({ ...created, secretHash: hashOf('aaaaaaaaaaaaaaaa') });
      expect(await store.getToken('bbbbbbbbbbbbbbbb')).toBeUndefined();
      const listed = await store.listTokens();
      expect(listed.items).toEqual([created]);
      expect(Object.keys(listed.items[0]!)).not.toContain('secretHash');

      const service = await store.createToken(
        tokenInput('cccccccccccccccc', { principalId: 'etl-bot', principalKind: 'service', scopes: [] }),
      );
      expect(service).toMatchObject({ scopes: null, description: null, principalKind: 'service' });
    });

    it('pages tokens newest first, per principal, hiding revoked and expired ones unless asked', async () => {
      const clock = manualClock('2024-05-01T00:00:00.000Z');
      const { store } = await stores.fresh({ now: clock.now });
      const base = Date.parse('2024-05-01T00:00:00.000Z');
      const principals = ['alice', 'bob', 'carol'];
      for (let i = 0; i < 150; i++) {
        // Three tokens per millisecond: ties in created_at must page by id without loss.
        const at = new Date(base + Math.floor(i / 3));
        await store.createToken(
          tokenInput(`t${hashOf(String(i)).slice(0, 15)}`, {
            principalId: principals[i % 3]!,
            createdAt: at,
            expiresAt: new Date(at.getTime() + (i % 10 === 0 ? 60_000 : 86_400_000)),
          }),
        );
      }
      const everything = await allPages((after: string | undefined) =>
        store.listTokens({ after, limit: 40, includeRevoked: true, includeExpired: true }),
      );
      expect(everything.items).toHaveLength(150);
      expect(everything.pages).toBe(4);
      expect(everything.items).toEqual([...everything.items].sort(newestFirst));

      const bob = await allPages((after: string | undefined) =>
        store.listTokens({ principalId: 'bob', after, limit: 7, includeExpired: true }),
      );
      expect(bob.items.map((t) => t.id)).toEqual(
        everything.items.filter((t) => t.principalId === 'bob').map((t) => t.id),
      );

      const victim = everything.items[3]!;
      await store.revokeToken(victim.id, '2024-05-01T00:00:30.000Z', 'admin');
      clock.set('2024-05-01T00:05:00.000Z'); // every tenth token has expired by now
      const active = await allPages((after: string | undefined) => store.listTokens({ after, limit: 50 }));
      const expected = everything.items.filter(
        (t) => t.id !== victim.id && Date.parse(t.expiresAt) > Date.parse('2024-05-01T00:05:00.000Z'),
      );
      expect(active.items.map((t) => t.id)).toEqual(expected.map((t) => t.id));
      expect(expected).toHaveLength(134);
      const withRevoked = await store.listTokens({ includeRevoked: true, limit: 1000 });
      expect(withRevoked.items.map((t) => t.id)).toContain(victim.id);
      expect(await store.listTokens({ principalId: 'nobody' })).toEqual({ items: [] });
    });

    it('revokes once and touches forwards only', async () => {
      const clock = manualClock();
      const { store } = await stores.fresh({ now: clock.now });
      await store.createToken(tokenInput('dddddddddddddddd'));
      const revoked = await store.revokeToken('dddddddddddddddd', '2024-05-02T00:00:00.000Z', 'olga');
      expect(revoked).toMatchObject({ revokedAt: '2024-05-02T00:00:00.000Z', revokedBy: 'olga' });
      const again = await store.revokeToken('dddddddddddddddd', '2024-05-03T00:00:00.000Z', 'mallory');
      expect(again).toEqual(revoked);
      expect(await store.revokeToken('eeeeeeeeeeeeeeee', new Date(), 'olga')).toBeUndefined();

      await store.touchToken('dddddddddddddddd', '2024-05-01T13:00:00.000Z');
      await store.touchToken('dddddddddddddddd', '2024-05-01T12:30:00.000Z');
      expect((await store.getToken('dddddddddddddddd'))?.lastUsedAt).toBe('2024-05-01T13:00:00.000Z');
      await store.touchToken('dddddddddddddddd', '2024-05-01T14:00:00.000Z');
      expect((await store.getToken('dddddddddddddddd'))?.lastUsedAt).toBe('2024-05-01T14:00:00.000Z');
      await store.touchToken('eeeeeeeeeeeeeeee', new Date());
    });

    it('refuses tokens without expiry, hash or valid scope, duplicates and foreign cursors', async () => {
      const { store } = await stores.fresh({ now: manualClock().now });
      await store.createToken(tokenInput('ffffffffffffffff'));
      await expect(store.createToken(tokenInput('ffffffffffffffff'))).rejects.toMatchObject({ code: 'MW6110' });
      const bad: Partial<TokenInput>[] = [
        { expiresAt: undefined as never },
        { createdAt: '2024-09-01T00:00:00.000Z' },
        { secretHash: 'not-a-hash' },
        { secretHash: hashOf('x').toUpperCase() },
        { scopes: ['everything' as never] },
        { principalKind: 'robot' as never },
        { principalId: '' },
        { createdBy: ' ' },
      ];
      for (const [i, overrides] of bad.entries()) {
        await expect(
          store.createToken(tokenInput(`g${i}`, overrides)),
          JSON.stringify(overrides),
        ).rejects.toMatchObject({ code: 'MW6101' });
      }
      await store.upsertTeam({ id: 'a', name: 'A' });
      await store.upsertTeam({ id: 'b', name: 'B' });
      const teamCursor = (await store.listTeams({ limit: 1 })).next;
      await expect(store.listTokens({ after: teamCursor })).rejects.toMatchObject({ code: 'MW6103' });
      await expect(store.listTokens({ limit: 0 })).rejects.toMatchObject({ code: 'MW6103' });
    });
  });
}
