/**
 * Schedule claims and change markers: what several servers on one store coordinate through.
 * The races run through two stores on one database (two connections or pools), as two servers
 * would: each slot has exactly one claimant, and concurrent bumps all count.
 */
import { describe, expect, it } from 'vitest';
import type { ScheduleClaimResult } from '../schedule-claim-types.js';
import { manualClock, useStores, type MetadataStoreHarness } from './conformance-harness.js';
import { allPages, uuidFrom } from './metadata-fixtures.js';

const JOB = 'schedule:sales.orders';
const slotAt = (second: number) => new Date(Date.UTC(2024, 4, 1, 12, 0, second)).toISOString();

export function describeScheduleClaimCases(harness: MetadataStoreHarness): void {
  describe('schedule claims', () => {
    const stores = useStores(harness);

    it('gives each slot to its first claimant and tells the others who has it', async () => {
      const clock = manualClock('2024-05-01T12:00:05.000Z');
      const { store } = await stores.fresh({ now: clock.now });
      const first = await store.claimScheduleSlot({ job: JOB, slot: slotAt(5), claimedBy: 'host-a:101' });
      expect(first).toEqual({
        claimed: true,
        claim: {
          job: JOB,
          slot: '2024-05-01T12:00:05.000Z',
          claimedBy: 'host-a:101',
          claimedAt: '2024-05-01T12:00:05.000Z',
          runId: null,
        },
      });
      clock.set('2024-05-01T12:00:05.250Z');
      const second = await store.claimScheduleSlot({ job: JOB, slot: slotAt(5), claimedBy: 'host-b:202' });
      expect(second).toEqual({ claimed: false, claim: first.claim });
      // Another slot, or the same slot of another job, is a claim of its own.
      expect((await store.claimScheduleSlot({ job: JOB, slot: slotAt(10), claimedBy: 'host-b:202' })).claimed).toBe(
        true,
      );
      expect(
        (await store.claimScheduleSlot({ job: 'schedule:sales.returns', slot: slotAt(5), claimedBy: 'host-b:202' }))
          .claimed,
      ).toBe(true);
    });

    it('has exactly one winner when claimants on two stores race for the same slots', async () => {
      const { store, database } = await stores.fresh();
      const other = await stores.open(database);
      const attempts: Promise<ScheduleClaimResult & { by: string }>[] = [];
      for (let slot = 0; slot < 8; slot++) {
        for (let server = 0; server < 6; server++) {
          const by = `server-${server}`;
          attempts.push(
            (server % 2 ? store : other)
              .claimScheduleSlot({ job: JOB, slot: slotAt(slot), claimedBy: by })
              .then((result) => ({ ...result, by })),
          );
        }
      }
      const results = await Promise.all(attempts);
      for (let slot = 0; slot < 8; slot++) {
        const forSlot = results.filter((r) => r.claim.slot === slotAt(slot));
        const winners = forSlot.filter((r) => r.claimed);
        expect(winners).toHaveLength(1);
        // Every loser is told the same claimant: the winner.
        expect(new Set(forSlot.map((r) => r.claim.claimedBy))).toEqual(new Set([winners[0]!.by]));
      }
      expect((await store.listScheduleClaims({ job: JOB })).items).toHaveLength(8);
    });

    it('notes the run that served a slot once, and only for its claimant', async () => {
      const { store } = await stores.fresh();
      await store.claimScheduleSlot({ job: JOB, slot: slotAt(5), claimedBy: 'host-a:101' });
      const runId = uuidFrom('run:slot-5');
      expect(await store.noteScheduleClaimRun(JOB, slotAt(5), 'host-b:202', runId)).toBe(false);
      expect(await store.noteScheduleClaimRun(JOB, slotAt(6), 'host-a:101', runId)).toBe(false);
      expect(await store.noteScheduleClaimRun(JOB, slotAt(5), 'host-a:101', runId.toUpperCase())).toBe(true);
      expect(await store.noteScheduleClaimRun(JOB, slotAt(5), 'host-a:101', uuidFrom('run:other'))).toBe(false);
      expect((await store.listScheduleClaims({ job: JOB })).items[0]).toMatchObject({ runId });
      await expect(store.noteScheduleClaimRun(JOB, slotAt(5), 'host-a:101', 'not-a-uuid')).rejects.toMatchObject({
        code: 'MW6101',
      });
    });

    it('lists one job newest slot first, page by page', async () => {
      const { store } = await stores.fresh();
      for (let slot = 0; slot < 25; slot++) {
        await store.claimScheduleSlot({ job: JOB, slot: slotAt(slot), claimedBy: 'host-a:101' });
        await store.claimScheduleSlot({ job: 'schedule:other', slot: slotAt(slot), claimedBy: 'host-a:101' });
      }
      const listed = await allPages((after: string | undefined) =>
        store.listScheduleClaims({ job: JOB, after, limit: 10 }),
      );
      expect(listed.pages).toBe(3);
      expect(listed.items.map((c) => c.slot)).toEqual(Array.from({ length: 25 }, (_, i) => slotAt(24 - i)));
      expect(listed.items.every((c) => c.job === JOB)).toBe(true);
      await expect(store.listScheduleClaims({ job: JOB, after: 'nope' })).rejects.toMatchObject({ code: 'MW6103' });
    });

    it('prunes claims older than the cutoff, never a future one, and refuses empty keys', async () => {
      const clock = manualClock('2024-05-01T00:00:00.000Z');
      const { store } = await stores.fresh({ now: clock.now });
      for (let hour = 0; hour < 5; hour++) {
        clock.set(`2024-05-01T0${hour}:00:00.000Z`);
        await store.claimScheduleSlot({ job: JOB, slot: `2024-05-01T0${hour}:00:00.000Z`, claimedBy: 'host-a:101' });
      }
      expect(await store.pruneScheduleClaims('2024-05-01T02:00:00.000Z')).toBe(2);
      expect((await store.listScheduleClaims({ job: JOB })).items.map((c) => c.slot)).toEqual([
        '2024-05-01T04:00:00.000Z',
        '2024-05-01T03:00:00.000Z',
        '2024-05-01T02:00:00.000Z',
      ]);
      expect(await store.pruneScheduleClaims('2024-05-01T02:00:00.000Z')).toBe(0);
      await expect(store.pruneScheduleClaims('2024-05-01T05:00:00.000Z')).rejects.toMatchObject({ code: 'MW6101' });
      for (const bad of [
        { job: ' ', slot: slotAt(1), claimedBy: 'a' },
        { job: JOB, slot: '', claimedBy: 'a' },
        { job: JOB, slot: slotAt(1), claimedBy: '' },
        { job: JOB, slot: 'x'.repeat(201), claimedBy: 'a' },
      ]) {
        await expect(store.claimScheduleSlot(bad)).rejects.toMatchObject({ code: 'MW6101' });
      }
    });
  });

  describe('change markers', () => {
    const stores = useStores(harness);

    it('counts every bump of a topic, also when two stores bump at once', async () => {
      const clock = manualClock('2024-05-01T12:00:00.000Z');
      const { store, database } = await stores.fresh({ now: clock.now });
      const other = await stores.open(database);
      expect(await store.listChangeMarkers()).toEqual([]);
      expect(await store.bumpChangeMarker('lineage')).toEqual({
        topic: 'lineage',
        version: 1,
        changedAt: '2024-05-01T12:00:00.000Z',
      });
      clock.set('2024-05-01T12:00:01.000Z');
      const bumps = await Promise.all(
        Array.from({ length: 20 }, (_, i) => (i % 2 ? store : other).bumpChangeMarker('lineage')),
      );
      // Each bump saw its own version: none was lost or counted twice.
      expect(bumps.map((b) => b.version).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 2));
      await store.bumpChangeMarker('governance');
      expect(await other.listChangeMarkers()).toEqual([
        { topic: 'governance', version: 1, changedAt: '2024-05-01T12:00:01.000Z' },
        { topic: 'lineage', version: 21, changedAt: expect.any(String) },
      ]);
      await expect(store.bumpChangeMarker('')).rejects.toMatchObject({ code: 'MW6101' });
    });
  });
}
