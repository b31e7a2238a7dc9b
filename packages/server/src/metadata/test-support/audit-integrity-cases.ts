/**
 * The audit log against someone with raw database access: the triggers stop casual edits, and
 * when the triggers are bypassed the hash chain still tells which event was touched.
 */
import { describe, expect, it } from 'vitest';
import { auditEventHash } from '../audit-hash.js';
import { useStores, type MetadataStoreHarness, type OpenedStore } from './conformance-harness.js';

export function describeAuditIntegrityCases(harness: MetadataStoreHarness): void {
  describe('audit log integrity', () => {
    const stores = useStores(harness);

    async function withEvents(count: number): Promise<OpenedStore> {
      const opened = await stores.fresh();
      for (let i = 1; i <= count; i++) {
        await opened.store.appendAudit({ actor: 'alice', action: 'product.read', resource: 'urn:x', details: { i } });
      }
      return opened;
    }

    it('has the database refuse UPDATE and DELETE on audit events', async () => {
      const { store, database } = await withEvents(3);
      await expect(database.execute("update audit_events set actor = 'mallory' where seq = 2")).rejects.toThrow(
        /MW6106/,
      );
      await expect(database.execute('delete from audit_events where seq = 3')).rejects.toThrow(/MW6106/);
      expect(await store.verifyAudit()).toMatchObject({ ok: true, count: 3 });
    });

    it('detects an edited event once the trigger is bypassed', async () => {
      const { store, database } = await withEvents(6);
      await database.tamper("update audit_events set actor = 'mallory' where seq = 3");
      expect(await store.verifyAudit({ pageSize: 2 })).toEqual({
        ok: false,
        count: 2,
        firstBadSeq: 3,
        reason: expect.stringContaining('changed after it was appended'),
      });
    });

    it('detects an edited event whose hash was recomputed, at the next link', async () => {
      const { store, database } = await withEvents(5);
      // The forger knows the algorithm and re-hashes event 2, but event 3 still names the old
      // hash; fixing that means rewriting every later event, which a copy of the head hash kept
      // elsewhere exposes.
      const original = (await store.listAudit()).items[1]!;
      const forged = auditEventHash(original.prevHash, { ...original, actor: 'mallory' });
      await database.tamper(`update audit_events set actor = 'mallory', hash = '${forged}' where seq = 2`);
      expect(await store.verifyAudit()).toEqual({
        ok: false,
        count: 2,
        firstBadSeq: 3,
        reason: expect.stringContaining('prevHash does not match'),
      });
    });

    it('detects a deleted event and unreadable details', async () => {
      const { store, database } = await withEvents(5);
      await database.tamper('delete from audit_events where seq = 4');
      expect(await store.verifyAudit()).toMatchObject({
        ok: false,
        count: 3,
        firstBadSeq: 5,
        reason: expect.stringContaining('missing'),
      });

      const second = await withEvents(2);
      await second.database.tamper("update audit_events set details = '{oops' where seq = 2");
      expect(await second.store.verifyAudit()).toMatchObject({
        ok: false,
        count: 1,
        firstBadSeq: 2,
        reason: expect.stringContaining('JSON'),
      });
    });
  });
}
