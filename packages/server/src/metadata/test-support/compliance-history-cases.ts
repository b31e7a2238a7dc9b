/**
 * Compliance over time: counts summed per check by policy, by domain, by both, in a time range,
 * the newest `limit` checks oldest first; and sums over many rows that match JavaScript's.
 */
import { describe, expect, it } from 'vitest';
import type { ComplianceHistoryQuery, CompliancePoint, GovernanceCheckInput } from '../governance-types.js';
import type { MetadataStore } from '../metadata-store.js';
import { useStores, type MetadataStoreHarness } from './conformance-harness.js';
import { compliance, governanceCheck } from './governance-fixtures.js';

/** Five checks; the policy set changes at c3 (owner-set dropped), c3 and c4 share an instant. */
const CHECKS: readonly GovernanceCheckInput[] = [
  governanceCheck('c0', '2024-04-30T00:00:00.000Z', { counts: [], productCount: 0 }),
  governanceCheck('c1', '2024-05-01T00:00:00.000Z', {
    counts: [
      compliance('owner-set', 'sales', { passed: 2, failed: 1 }),
      compliance('owner-set', 'finance', { passed: 1, errors: 1 }),
      compliance('pii-tagged', 'sales', { severity: 'warning', passed: 1, failed: 1, waived: 1 }),
    ],
  }),
  governanceCheck('c2', '2024-05-02T00:00:00.000Z', {
    trigger: 'publish',
    counts: [
      compliance('owner-set', 'sales', { passed: 3 }),
      compliance('owner-set', 'finance', { passed: 1, waived: 1 }),
      compliance('pii-tagged', 'sales', { severity: 'warning', passed: 2, failed: 1 }),
      compliance('pii-tagged', 'finance', { severity: 'warning', errors: 2 }),
    ],
  }),
  governanceCheck('c3', '2024-05-03T00:00:00.000Z', {
    trigger: 'serve',
    policySetHash: 'set-2',
    productCount: 4,
    counts: [
      compliance('pii-tagged', 'sales', { severity: 'warning', passed: 3 }),
      compliance('pii-tagged', 'hr', { severity: 'warning', failed: 2 }),
    ],
  }),
  governanceCheck('c4', '2024-05-03T00:00:00.000Z', {
    trigger: 'check',
    policySetHash: 'set-2',
    counts: [compliance('owner-set', 'hr', { passed: 1 })],
  }),
];

function point(id: string, sums: [number, number, number, number]): Partial<CompliancePoint> {
  const check = CHECKS.find((c) => c.id === id)!;
  const [passed, failed, waived, errors] = sums;
  return {
    checkId: id,
    checkedAt: new Date(check.checkedAt).toISOString(),
    trigger: check.trigger,
    policySetHash: check.policySetHash,
    productCount: check.productCount,
    passed,
    failed,
    waived,
    errors,
  };
}

async function seeded(store: MetadataStore): Promise<MetadataStore> {
  for (const check of [...CHECKS].reverse()) await store.recordGovernanceCheck(check);
  return store;
}

export function describeComplianceHistoryCases(harness: MetadataStoreHarness): void {
  describe('compliance history', () => {
    const stores = useStores(harness);

    it('sums each check’s counts by policy, by domain and by both, oldest first', async () => {
      const store = await seeded((await stores.fresh()).store);
      const history = (query: ComplianceHistoryQuery) => store.complianceHistory(query);
      // Every field of a point, for one query; the others compare the sums.
      expect(await history({})).toEqual([
        point('c1', [4, 2, 1, 1]),
        point('c2', [6, 1, 1, 2]),
        point('c3', [3, 2, 0, 0]),
        point('c4', [1, 0, 0, 0]),
      ]);
      expect(await history({ policyId: 'owner-set' })).toEqual([
        point('c1', [3, 1, 0, 1]),
        point('c2', [4, 0, 1, 0]),
        point('c4', [1, 0, 0, 0]),
      ]);
      expect(await history({ domain: 'sales' })).toEqual([
        point('c1', [3, 2, 1, 0]),
        point('c2', [5, 1, 0, 0]),
        point('c3', [3, 0, 0, 0]),
      ]);
      expect(await history({ policyId: 'pii-tagged', domain: 'finance' })).toEqual([point('c2', [0, 0, 0, 2])]);
      expect(await history({ domain: 'hr' })).toEqual([point('c3', [0, 2, 0, 0]), point('c4', [1, 0, 0, 0])]);
      expect(await history({ policyId: 'no-such-policy' })).toEqual([]);
      expect(await history({ policyId: 'owner-set', domain: 'nowhere' })).toEqual([]);
    });

    it('keeps to the time range and returns the newest `limit` checks', async () => {
      const store = await seeded((await stores.fresh()).store);
      const ids = async (query: ComplianceHistoryQuery) => (await store.complianceHistory(query)).map((p) => p.checkId);
      expect(await ids({ since: '2024-05-02T00:00:00.000Z', until: new Date('2024-05-03T00:00:00.000Z') })).toEqual([
        'c2',
      ]);
      expect(await ids({ since: '2024-05-02T00:00:00.001Z' })).toEqual(['c3', 'c4']);
      expect(await ids({ until: '2024-05-02T00:00:00.000Z' })).toEqual(['c1']);
      expect(await ids({ limit: 2 })).toEqual(['c3', 'c4']);
      expect(await ids({ limit: 3 })).toEqual(['c2', 'c3', 'c4']);
      expect(await ids({ policyId: 'owner-set', limit: 2 })).toEqual(['c2', 'c4']);
      expect(await ids({ domain: 'sales', until: '2024-05-03T00:00:00.000Z', limit: 1 })).toEqual(['c2']);
    });

    it('sums hundreds of rows per check in the database as JavaScript would', async () => {
      const { store } = await stores.fresh();
      const policies = Array.from({ length: 20 }, (_, i) => `policy-${String(i).padStart(2, '0')}`);
      const domains = Array.from({ length: 10 }, (_, i) => `domain-${i}`);
      const checks = Array.from({ length: 40 }, (_, c) =>
        governanceCheck(`gck_${String(c).padStart(3, '0')}`, new Date(Date.UTC(2024, 4, 1, c)), {
          counts: policies.flatMap((policyId, p) =>
            domains.map((domain, d) =>
              compliance(policyId, domain, {
                passed: (c * 7 + p * 3 + d) % 11,
                failed: (c + p + d) % 5,
                waived: (c * p + d) % 3,
                // Large enough that the sums leave 32 bits behind.
                errors: (c + p * d) % 4 === 0 ? 2 ** 31 : 0,
              }),
            ),
          ),
        }),
      );
      for (const check of checks) await store.recordGovernanceCheck(check);

      const expected = (query: ComplianceHistoryQuery) =>
        checks
          .map((check) => {
            const rows = check.counts.filter(
              (row) =>
                (query.policyId === undefined || row.policyId === query.policyId) &&
                (query.domain === undefined || row.domain === query.domain),
            );
            const sum = (key: 'passed' | 'failed' | 'waived' | 'errors') => rows.reduce((n, row) => n + row[key], 0);
            return {
              checkId: check.id,
              passed: sum('passed'),
              failed: sum('failed'),
              waived: sum('waived'),
              errors: sum('errors'),
            };
          })
          .slice(-(query.limit ?? 100));
      const sums = async (query: ComplianceHistoryQuery) =>
        (await store.complianceHistory(query)).map(({ checkId, passed, failed, waived, errors }) => ({
          checkId,
          passed,
          failed,
          waived,
          errors,
        }));
      for (const query of [
        {},
        { policyId: 'policy-07' },
        { domain: 'domain-3' },
        { policyId: 'policy-13', domain: 'domain-9' },
        { limit: 25 },
        { policyId: 'policy-00', limit: 1 },
      ]) {
        expect(await sums(query), JSON.stringify(query)).toEqual(expected(query));
      }
    });
  });
}
