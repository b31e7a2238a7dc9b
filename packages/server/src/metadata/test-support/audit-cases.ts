/** The audit log as its users see it: append, list, verify, under concurrency. */
import { describe, expect, it } from 'vitest';
import { AUDIT_GENESIS_HASH } from '../audit-hash.js';
import type { AuditEvent } from '../metadata-types.js';
import { useStores, type MetadataStoreHarness } from './conformance-harness.js';
import { allPages } from './metadata-fixtures.js';

/**
 * The hash of one fixed event, pinned: it is the same in every adapter, and it must never change,
 * or every audit log written before the change would fail verification.
 * sha256('0' × 64 + '{"action":"product.published","actor":"alice","at":"2024-05-01T12:00:00.000Z",
 * "details":{"checks":{"failed":0,"passed":3},"tags":["pii",null,true,1.5],"version":"1.0.0"},
 * "resource":"urn:meshwork:sales:orders","seq":1}')
 */
export const GOLDEN_AUDIT_HASH = '93418661864315aa15781600abc0b627dff5d752d44002b5c268fed1efaee38d';

export const GOLDEN_AUDIT_INPUT = {
  actor: 'alice',
  action: 'product.published',
  resource: 'urn:meshwork:sales:orders',
  // Keys deliberately out of order: canonical JSON sorts them.
  details: { version: '1.0.0', tags: ['pii', null, true, 1.5], checks: { passed: 3, failed: 0 } },
  at: '2024-05-01T14:00:00+02:00',
} as const;

export function describeAuditCases(harness: MetadataStoreHarness): void {
  describe('audit log', () => {
    const stores = useStores(harness);

    it('hashes an event exactly as specified, identically in every adapter', async () => {
      const { store } = await stores.fresh();
      const event = await store.appendAudit(GOLDEN_AUDIT_INPUT);
      expect(event).toEqual({
        seq: 1,
        at: '2024-05-01T12:00:00.000Z',
        actor: 'alice',
        action: 'product.published',
        resource: 'urn:meshwork:sales:orders',
        details: { checks: { failed: 0, passed: 3 }, tags: ['pii', null, true, 1.5], version: '1.0.0' },
        prevHash: AUDIT_GENESIS_HASH,
        hash: GOLDEN_AUDIT_HASH,
      });
      expect((await store.listAudit()).items).toEqual([event]);
    });

    it('chains events, lists them by seq with filters, and verifies the chain', async () => {
      const { store } = await stores.fresh({ now: () => new Date('2024-05-01T00:00:00Z') });
      expect(await store.verifyAudit()).toEqual({ ok: true, count: 0, headHash: AUDIT_GENESIS_HASH });
      const events: AuditEvent[] = [];
      for (let i = 0; i < 12; i++) {
        events.push(
          await store.appendAudit({
            actor: i % 3 === 0 ? 'bob' : 'alice',
            action: 'product.read',
            resource: `urn:r${i % 2}`,
          }),
        );
      }
      events.forEach((event, i) => {
        expect(event.seq).toBe(i + 1);
        expect(event.prevHash).toBe(i === 0 ? AUDIT_GENESIS_HASH : events[i - 1]!.hash);
        expect(event.details).toEqual({});
        expect(event.at).toBe('2024-05-01T00:00:00.000Z');
      });

      const paged = await allPages((after: number | undefined) => store.listAudit({ after, limit: 5 }));
      expect(paged.items).toEqual(events);
      expect(paged.pages).toBe(3);
      const bobOnR0 = await store.listAudit({ actor: 'bob', resource: 'urn:r0' });
      expect(bobOnR0.items.map((e) => e.seq)).toEqual([1, 7]);
      expect((await store.listAudit({ resource: 'urn:r1', after: 6 })).items.map((e) => e.seq)).toEqual([8, 10, 12]);
      await expect(store.listAudit({ after: -1 })).rejects.toMatchObject({ code: 'MW6103' });

      expect(await store.verifyAudit()).toEqual({ ok: true, count: 12, headHash: events[11]!.hash });
      expect(await store.verifyAudit({ pageSize: 5 })).toEqual({ ok: true, count: 12, headHash: events[11]!.hash });
    });

    it('keeps one unbroken chain under 50 concurrent appends', async () => {
      const { store } = await stores.fresh();
      const appended = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          store.appendAudit({ actor: `u${i}`, action: 'query', resource: 'urn:x', details: { i } }),
        ),
      );
      expect(appended.map((e) => e.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
      const verification = await store.verifyAudit({ pageSize: 7 });
      expect(verification).toMatchObject({ ok: true, count: 50 });
    });

    it('keeps one chain when two stores on one database append at once', async () => {
      const { store, database } = await stores.fresh();
      const other = await stores.open(database);
      const append = (s: typeof store, who: string) =>
        Array.from({ length: 30 }, (_, i) =>
          s.appendAudit({ actor: who, action: 'query', resource: 'urn:x', details: { i } }),
        );
      await Promise.all([...append(store, 'first'), ...append(other, 'second')]);
      expect(await other.verifyAudit({ pageSize: 16 })).toMatchObject({ ok: true, count: 60 });
      const { items } = await store.listAudit({ limit: 1000 });
      expect(items.map((e) => e.seq)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    });

    it('refuses events without actor, action or resource, and details that are not plain JSON', async () => {
      const { store } = await stores.fresh();
      const base = { actor: 'alice', action: 'x', resource: 'urn:x' };
      await expect(store.appendAudit({ ...base, actor: '' })).rejects.toMatchObject({ code: 'MW6101' });
      await expect(store.appendAudit({ ...base, details: { n: Number.NaN } })).rejects.toMatchObject({
        code: 'MW6101',
        message: expect.stringContaining('details.n'),
      });
      await expect(store.appendAudit({ ...base, details: { when: new Date() } as never })).rejects.toMatchObject({
        code: 'MW6101',
      });
      await expect(store.appendAudit({ ...base, at: 'not a date' })).rejects.toMatchObject({ code: 'MW6101' });
      expect(await store.verifyAudit()).toMatchObject({ ok: true, count: 0 });
    });
  });
}
