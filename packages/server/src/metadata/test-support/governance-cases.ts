/**
 * Governance checks: recorded atomically once, read back byte-identically in every adapter,
 * listed newest first in pages, refused whole when invalid; and the migration that adds them.
 */
import { describe, expect, it } from 'vitest';
import type { GovernanceCheckInput } from '../governance-types.js';
import { MIGRATIONS } from '../migrations/migration-list.js';
import { useStores, type MetadataStoreHarness } from './conformance-harness.js';
import { compliance, governanceCheck, newestCheckFirst } from './governance-fixtures.js';
import { allPages, product, uuidFrom } from './metadata-fixtures.js';

const TRIGGERS = ['check', 'serve', 'publish', 'schedule'] as const;

export function describeGovernanceCases(harness: MetadataStoreHarness): void {
  describe('governance checks', () => {
    const stores = useStores(harness);

    it('round-trips a check with its counts in byte order, identically in every adapter', async () => {
      const { store } = await stores.fresh();
      const recorded = await store.recordGovernanceCheck(
        governanceCheck('gck_0001', new Date('2024-05-01T12:00:00.123Z'), {
          actor: 'alice',
          trigger: 'publish',
          policySetHash: '9f86d081884c7d65',
          productCount: 2 ** 40,
          counts: [
            compliance('pii-tagged', 'sales', { severity: 'warning', passed: 3, failed: 1, waived: 2 }),
            compliance('owner-set', '🦆', { passed: 1 }),
            compliance('owner-set', 'sales', { passed: 2 ** 33, errors: 1 }),
            compliance('owner-set', '～', { failed: 4 }),
            compliance('owner-set', 'ärger', { waived: 5 }),
            compliance('owner-set', 'Zeta', { passed: 6 }),
          ],
        }),
      );
      const count = (domain: string, counts: string) =>
        `{"policyId":"owner-set","domain":"${domain}","severity":"blocking",${counts}}`;
      expect(JSON.stringify(recorded)).toBe(
        '{"id":"gck_0001","checkedAt":"2024-05-01T12:00:00.123Z","actor":"alice","trigger":"publish",' +
          '"policySetHash":"9f86d081884c7d65","productCount":1099511627776,"counts":[' +
          // UTF-8 byte order, as both databases sort keys: not JavaScript's UTF-16 order.
          [
            count('Zeta', '"passed":6,"failed":0,"waived":0,"errors":0'),
            count('sales', '"passed":8589934592,"failed":0,"waived":0,"errors":1'),
            count('ärger', '"passed":0,"failed":0,"waived":5,"errors":0'),
            count('～', '"passed":0,"failed":4,"waived":0,"errors":0'),
            count('🦆', '"passed":1,"failed":0,"waived":0,"errors":0'),
            '{"policyId":"pii-tagged","domain":"sales","severity":"warning","passed":3,"failed":1,"waived":2,"errors":0}',
          ].join(',') +
          ']}',
      );
      expect(JSON.stringify(await store.getGovernanceCheck('gck_0001'))).toBe(JSON.stringify(recorded));
      expect(await store.latestGovernanceCheck()).toEqual(recorded);
      expect(await store.latestGovernanceCheck({ trigger: 'publish' })).toEqual(recorded);
      expect(await store.latestGovernanceCheck({ trigger: 'serve' })).toBeUndefined();
      expect(await store.listGovernanceChecks()).toEqual({ items: [recorded] });

      // A mesh without policies still has a check: no counts.
      const empty = await store.recordGovernanceCheck(
        governanceCheck('gck_0002', '2024-05-01T13:00:00Z', { counts: [], productCount: 0 }),
      );
      expect(empty).toMatchObject({ checkedAt: '2024-05-01T13:00:00.000Z', counts: [] });
      expect(await store.getGovernanceCheck('gck_0002')).toEqual(empty);
      expect(await store.getGovernanceCheck('gck_missing')).toBeUndefined();
      expect(await store.getGovernanceCheck('not|an id')).toBeUndefined();
    });

    it('pages checks newest first with their counts, ties broken by id, filtered by time and trigger', async () => {
      const { store } = await stores.fresh();
      const base = Date.parse('2024-05-01T00:00:00.000Z');
      const inputs = Array.from({ length: 250 }, (_, i) =>
        governanceCheck(`gck_${uuidFrom(`check:${i}`)}`, new Date(base + Math.floor(i / 3) * 1000), {
          trigger: TRIGGERS[i % 4]!,
          productCount: i,
          counts: [compliance('owner-set', 'sales', { passed: i }), compliance('owner-set', 'hr', { failed: i })],
        }),
      );
      // Recorded out of order: the list orders by time, not by insertion.
      for (const input of [...inputs].reverse()) await store.recordGovernanceCheck(input);

      const all = await allPages((after: string | undefined) => store.listGovernanceChecks({ after, limit: 40 }));
      expect(all.pages).toBe(7);
      expect(all.items).toHaveLength(250);
      expect(all.items).toEqual([...all.items].sort(newestCheckFirst));
      expect(new Set(all.items.map((c) => c.id)).size).toBe(250);
      for (const check of all.items) {
        expect(check.counts.map((c) => [c.domain, c.passed + c.failed])).toEqual([
          ['hr', check.productCount],
          ['sales', check.productCount],
        ]);
      }

      const publish = await allPages((after: string | undefined) =>
        store.listGovernanceChecks({ trigger: 'publish', after, limit: 17 }),
      );
      expect(publish.items).toEqual(all.items.filter((c) => c.trigger === 'publish'));

      const since = new Date(base + 20_000);
      const until = '2024-05-01T00:01:00.000Z';
      const range = await allPages((after: string | undefined) =>
        store.listGovernanceChecks({ since, until, trigger: 'serve', after, limit: 5 }),
      );
      const inRange = all.items.filter(
        (c) => c.trigger === 'serve' && c.checkedAt >= since.toISOString() && c.checkedAt < until,
      );
      expect(range.items).toEqual(inRange);
      expect(inRange.length).toBeGreaterThan(5);

      expect(await store.latestGovernanceCheck()).toEqual(all.items[0]);
      expect(await store.latestGovernanceCheck({ trigger: 'check' })).toEqual(
        all.items.find((c) => c.trigger === 'check'),
      );
    });

    it('refuses an id already used, and keeps the first check', async () => {
      const { store } = await stores.fresh();
      const first = await store.recordGovernanceCheck(governanceCheck('gck_same', '2024-05-01T00:00:00.000Z'));
      for (const again of [
        governanceCheck('gck_same', '2024-05-01T00:00:00.000Z'),
        governanceCheck('gck_same', '2024-06-01T00:00:00.000Z', { counts: [compliance('other', 'hr')] }),
      ]) {
        await expect(store.recordGovernanceCheck(again)).rejects.toMatchObject({
          code: 'MW6110',
          kind: 'conflict',
          message: expect.stringContaining('gck_same'),
        });
      }
      expect(await store.getGovernanceCheck('gck_same')).toEqual(first);
      expect((await store.listGovernanceChecks()).items).toEqual([first]);
    });

    it('records a check and all its counts in one transaction: a failing count row leaves no check', async () => {
      const { store, database } = await stores.fresh();
      const kept = await store.recordGovernanceCheck(
        governanceCheck('gck_kept', '2024-05-01T00:00:00.000Z', { counts: [compliance('p1', 'sales', { passed: 1 })] }),
      );
      // A constraint the store does not know about: one row per policy in the whole table. The
      // next check's last row breaks it, in the second insert chunk, after its check row and the
      // first thousand counts were written.
      await database.execute(
        'create unique index conformance_one_row_per_policy on governance_check_counts (policy_id)',
      );
      const failing = governanceCheck('gck_failing', '2024-05-02T00:00:00.000Z', {
        counts: [
          ...Array.from({ length: 1500 }, (_, i) => compliance(`p-${String(i).padStart(4, '0')}`, 'sales')),
          compliance('p1', 'hr', { failed: 1 }),
        ],
      });
      await expect(store.recordGovernanceCheck(failing)).rejects.toMatchObject({ code: 'MW6110' });
      expect(await store.getGovernanceCheck('gck_failing')).toBeUndefined();
      expect(await store.listGovernanceChecks()).toEqual({ items: [kept] });
      expect(await store.latestGovernanceCheck()).toEqual(kept);
      expect((await store.complianceHistory()).map((point) => point.checkId)).toEqual(['gck_kept']);
      expect(await store.complianceHistory({ policyId: 'p-0000' })).toEqual([]);

      // Nothing of it was left behind: the same id records once the constraint is gone.
      await database.execute('drop index conformance_one_row_per_policy');
      const recorded = await store.recordGovernanceCheck(failing);
      expect(recorded.counts).toHaveLength(1501);
      expect(await store.getGovernanceCheck('gck_failing')).toEqual(recorded);
    });

    it('refuses an invalid check as a whole, and invalid queries', async () => {
      const { store } = await stores.fresh();
      const bad: [Partial<GovernanceCheckInput>, RegExp][] = [
        [{ id: '' }, /governanceCheck\.id/],
        [{ id: 'gck|1' }, /governanceCheck\.id/],
        [{ id: 'gck 1' }, /governanceCheck\.id/],
        [{ checkedAt: 'yesterday' }, /checkedAt/],
        [{ checkedAt: undefined }, /checkedAt is required/],
        [{ checkedAt: '10000-01-01T00:00:00Z' }, /checkedAt/],
        [{ actor: '' }, /actor/],
        [{ trigger: 'cron' as never }, /trigger must be one of check, serve, publish, schedule/],
        [{ policySetHash: ' ' }, /policySetHash/],
        [{ productCount: -1 }, /productCount/],
        [{ productCount: 1.5 }, /productCount/],
        [{ counts: 'none' as never }, /counts must be an array/],
        [{ counts: [compliance('a', 'sales'), null as never] }, /counts\[1\] must be an object/],
        [{ counts: [compliance('a', 'sales', { passed: -1 })] }, /counts\[0\]\.passed must be a non-negative integer/],
        [{ counts: [compliance('a', 'sales', { failed: Number.NaN })] }, /counts\[0\]\.failed/],
        [{ counts: [compliance('a', 'sales', { waived: 0.5 })] }, /counts\[0\]\.waived/],
        [{ counts: [compliance('a', 'sales', { errors: '1' as never })] }, /counts\[0\]\.errors/],
        [{ counts: [compliance('', 'sales')] }, /counts\[0\]\.policyId/],
        [{ counts: [compliance('a', ' ')] }, /counts\[0\]\.domain/],
        [{ counts: [compliance('a', 'sales', { severity: 'error' as never })] }, /counts\[0\]\.severity/],
        [
          {
            counts: [
              compliance('a', 'sales'),
              compliance('b', 'sales'),
              compliance('a', 'sales', { severity: 'warning' }),
            ],
          },
          /counts\[2\] repeats governanceCheck\.counts\[0\] \(policy a in domain sales\)/,
        ],
      ];
      for (const [overrides, message] of bad) {
        await expect(
          store.recordGovernanceCheck(governanceCheck('gck_bad', '2024-05-01T00:00:00.000Z', overrides)),
          JSON.stringify(overrides),
        ).rejects.toMatchObject({ code: 'MW6101', kind: 'input', message: expect.stringMatching(message) });
      }
      expect(await store.listGovernanceChecks()).toEqual({ items: [] });

      await store.recordGovernanceCheck(governanceCheck('gck_1', '2024-05-01T00:00:00.000Z'));
      await store.recordGovernanceCheck(governanceCheck('gck_2', '2024-05-02T00:00:00.000Z'));
      await store.upsertTeam({ id: 'a', name: 'A' });
      await store.upsertTeam({ id: 'b', name: 'B' });
      const teamCursor = (await store.listTeams({ limit: 1 })).next;
      const refused: [Promise<unknown>, string][] = [
        [store.listGovernanceChecks({ trigger: 'cron' as never }), 'MW6101'],
        [store.listGovernanceChecks({ since: 'soon' }), 'MW6101'],
        [store.listGovernanceChecks({ since: '2024-05-02', until: '2024-05-01' }), 'MW6101'],
        [store.listGovernanceChecks({ limit: 0 }), 'MW6103'],
        [store.listGovernanceChecks({ after: teamCursor }), 'MW6103'],
        [store.latestGovernanceCheck({ trigger: 'nightly' as never }), 'MW6101'],
        [store.complianceHistory({ limit: 1001 }), 'MW6103'],
        [store.complianceHistory({ policyId: '' }), 'MW6101'],
        [store.complianceHistory({ until: 'later' }), 'MW6101'],
        [store.complianceHistory({ since: '2024-05-01', until: '2024-05-01' }), 'MW6101'],
      ];
      for (const [call, code] of refused) await expect(call).rejects.toMatchObject({ code });
      const page = await store.listGovernanceChecks({ limit: 1 });
      expect((await store.listGovernanceChecks({ after: page.next })).items.map((c) => c.id)).toEqual(['gck_1']);
    });

    it('adds the governance tables to a database at 0005 once, keeping its data; older builds then refuse it', async () => {
      const index = MIGRATIONS.findIndex((migration) => migration.id === '0006-governance-checks');
      const before = MIGRATIONS.slice(0, index);
      const latest = MIGRATIONS[MIGRATIONS.length - 1]!.id;
      const { database } = await stores.fresh({ migrate: false });
      const old = await stores.open(database, { migrations: before });
      await old.upsertProduct(product('sales.orders'));
      await old.close();

      const upgraded = await stores.open(database, { migrate: false });
      expect(await upgraded.migrate()).toEqual({ applied: MIGRATIONS.slice(index).map((m) => m.id), current: latest });
      expect(await upgraded.migrate()).toEqual({ applied: [], current: latest });
      expect(await upgraded.getProduct('sales.orders')).toMatchObject({ id: 'sales.orders' });
      const recorded = await upgraded.recordGovernanceCheck(governanceCheck('gck_after', '2024-05-01T00:00:00.000Z'));

      const reopened = await stores.open(database);
      expect(await reopened.migrate()).toEqual({ applied: [], current: latest });
      expect(await reopened.latestGovernanceCheck()).toEqual(recorded);
      await expect(stores.open(database, { migrations: before })).rejects.toMatchObject({
        code: 'MW6105',
        message: expect.stringContaining('0006-governance-checks'),
      });
    });
  });
}
