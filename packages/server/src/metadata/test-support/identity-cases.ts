/** Teams and users, with memberships that can be listed from either side. */
import { describe, expect, it } from 'vitest';
import { manualClock, useStores, type MetadataStoreHarness } from './conformance-harness.js';
import { allPages } from './metadata-fixtures.js';

export function describeIdentityCases(harness: MetadataStoreHarness): void {
  describe('teams and users', () => {
    const stores = useStores(harness);

    it('upserts and pages teams', async () => {
      const clock = manualClock();
      const { store } = await stores.fresh({ now: clock.now });
      for (let i = 0; i < 25; i++)
        await store.upsertTeam({ id: `team-${String(i).padStart(2, '0')}`, name: `Team ${i}` });
      const updated = await store.upsertTeam({ id: 'team-07', name: 'Sales', description: 'Owns sales.*' });
      expect(updated).toEqual({
        id: 'team-07',
        name: 'Sales',
        description: 'Owns sales.*',
        updatedAt: '2024-05-01T12:00:00.000Z',
      });
      expect(await store.getTeam('team-07')).toEqual(updated);
      expect(await store.getTeam('nobody')).toBeUndefined();
      const teams = await allPages((after: string | undefined) => store.listTeams({ after, limit: 10 }));
      expect(teams.items).toHaveLength(25);
      expect(teams.pages).toBe(3);
      expect(teams.items[7]).toEqual(updated);
    });

    it('replaces a user’s teams and roles on upsert and lists a team’s members', async () => {
      const { store } = await stores.fresh();
      const alice = await store.upsertUser({
        id: 'alice',
        name: 'Alice',
        email: 'alice@example.com',
        teams: ['sales', 'finance', 'sales'],
        roles: ['owner', 'consumer', 'owner'],
      });
      expect(alice).toMatchObject({
        teams: ['finance', 'sales'],
        roles: ['owner', 'consumer'],
        email: 'alice@example.com',
      });
      await store.upsertUser({ id: 'bob', name: 'Bob', teams: ['sales'], roles: [] });
      await store.upsertUser({ id: 'carol', name: 'Carol', teams: [], roles: ['admin'] });

      const sales = await store.listUsers({ team: 'sales' });
      expect(sales.items.map((u) => u.id)).toEqual(['alice', 'bob']);
      expect(sales.items[0]).toEqual(alice);

      await store.upsertUser({ id: 'alice', name: 'Alice A.', teams: ['marketing'], roles: ['consumer'] });
      expect(await store.getUser('alice')).toMatchObject({
        name: 'Alice A.',
        email: null,
        teams: ['marketing'],
        roles: ['consumer'],
      });
      expect((await store.listUsers({ team: 'sales' })).items.map((u) => u.id)).toEqual(['bob']);
      expect((await store.listUsers({ limit: 2 })).next).toBeDefined();
      expect((await store.getUser('carol'))?.teams).toEqual([]);
      expect(await store.getUser('dave')).toBeUndefined();
    });

    it('refuses users without an id or with non-string roles', async () => {
      const { store } = await stores.fresh();
      await expect(store.upsertUser({ id: ' ', name: 'X', teams: [], roles: [] })).rejects.toMatchObject({
        code: 'MW6101',
      });
      await expect(store.upsertUser({ id: 'x', name: 'X', teams: [], roles: [42 as never] })).rejects.toMatchObject({
        code: 'MW6101',
        message: expect.stringContaining('user.roles[0]'),
      });
    });
  });
}
