/**
 * Agreements and the webhook delivery log: a request's life from `pending` to its decision and
 * end, exactly one winner when decisions race, activity computed by the clock, keyset lists.
 * Records are pinned literally, so every adapter returns the same bytes for the same inputs.
 */
import { describe, expect, it } from 'vitest';
import type { AgreementInput } from '../agreement-types.js';
import type { MetadataStore } from '../metadata-store.js';
import type { WebhookDeliveryInput } from '../webhook-delivery-types.js';
import { manualClock, useStores, type MetadataStoreHarness } from './conformance-harness.js';
import { allPages, product, uuidFrom } from './metadata-fixtures.js';

const ID = 'A0000000-0000-4000-8000-0000000000A1';
const ORDERS: { readonly productId: string; readonly port: string; readonly major: number } = {
  productId: 'sales.orders',
  port: 'orders',
  major: 1,
};

function request(overrides: Partial<AgreementInput> = {}): AgreementInput {
  return {
    id: uuidFrom(JSON.stringify(overrides)),
    principalId: 'ana',
    ...ORDERS,
    purpose: 'Quarterly revenue analysis',
    startsAt: '2024-05-01T00:00:00.000Z',
    endsAt: '2024-08-01T00:00:00.000Z',
    ...overrides,
  };
}

async function withProducts(store: MetadataStore): Promise<MetadataStore> {
  await store.upsertProduct(product('sales.orders'));
  await store.upsertProduct(product('sales.returns'));
  return store;
}

export function describeAgreementCases(harness: MetadataStoreHarness): void {
  describe('agreements', () => {
    const stores = useStores(harness);

    it('records a request as pending, then its approval and revocation, identically in every adapter', async () => {
      const clock = manualClock('2024-04-30T09:15:00.000Z');
      const store = await withProducts((await stores.fresh({ now: clock.now })).store);
      const created = await store.createAgreement(
        request({ id: ID, purpose: '  Churn model training  ', startsAt: new Date('2024-05-01T00:00:00Z') }),
      );
      expect(JSON.stringify(created)).toBe(
        '{"id":"a0000000-0000-4000-8000-0000000000a1","principalId":"ana","productId":"sales.orders","port":"orders",' +
          '"major":1,"purpose":"Churn model training","startsAt":"2024-05-01T00:00:00.000Z",' +
          '"endsAt":"2024-08-01T00:00:00.000Z","status":"pending","requestedAt":"2024-04-30T09:15:00.000Z",' +
          '"decidedBy":null,"decidedAt":null,"decisionNote":null,"endedBy":null,"endedAt":null,"endNote":null,' +
          '"updatedAt":"2024-04-30T09:15:00.000Z"}',
      );
      expect(await store.getAgreement(ID.toLowerCase())).toEqual(created);
      expect(await store.getAgreement(ID)).toEqual(created);
      expect(await store.getAgreement('nope')).toBeUndefined();

      clock.set('2024-04-30T10:00:00.000Z');
      const approved = await store.updateAgreementStatus({ id: ID, from: 'pending', to: 'approved', by: 'olga' });
      expect(approved).toEqual({
        ...created,
        status: 'approved',
        decidedBy: 'olga',
        decidedAt: '2024-04-30T10:00:00.000Z',
        updatedAt: '2024-04-30T10:00:00.000Z',
      });
      const revoked = await store.updateAgreementStatus({
        id: ID,
        from: 'approved',
        to: 'revoked',
        by: 'gus',
        note: 'purpose no longer valid',
        at: '2024-06-01T08:00:00.000Z',
      });
      expect(revoked).toEqual({
        ...approved,
        status: 'revoked',
        endedBy: 'gus',
        endedAt: '2024-06-01T08:00:00.000Z',
        endNote: 'purpose no longer valid',
        updatedAt: '2024-06-01T08:00:00.000Z',
      });
      expect(await store.getAgreement(ID)).toEqual(revoked);
    });

    it('refuses what would make a request meaningless, and unregistered products', async () => {
      const { store } = await stores.fresh();
      await expect(store.createAgreement(request())).rejects.toMatchObject({ code: 'MW6104', kind: 'not-found' });
      await withProducts(store);
      const bad: [Partial<AgreementInput>, RegExp][] = [
        [{ purpose: ' ' }, /purpose/],
        [{ endsAt: '2024-05-01T00:00:00.000Z' }, /endsAt .* must be after/],
        [{ endsAt: '2024-04-01T00:00:00.000Z' }, /must be after/],
        [{ endsAt: undefined }, /endsAt is required/],
        [{ startsAt: 'soon' }, /startsAt is not a valid timestamp/],
        [{ major: -1 }, /major/],
        [{ major: 1.5 }, /major/],
        [{ port: '' }, /port/],
        [{ principalId: '' }, /principalId/],
        [{ id: 'not-a-uuid' }, /agreement.id must be a UUID/],
      ];
      for (const [overrides, message] of bad) {
        await expect(store.createAgreement(request(overrides)), JSON.stringify(overrides)).rejects.toMatchObject({
          code: 'MW6101',
          kind: 'input',
          message: expect.stringMatching(message),
        });
      }
      expect(await store.listAgreements()).toEqual({ items: [] });
    });

    it('keeps one pending request per principal and port; a decided one can be asked again', async () => {
      const { store } = await stores.fresh();
      await withProducts(store);
      const first = await store.createAgreement(request({ id: ID }));
      await expect(store.createAgreement(request({ purpose: 'again' }))).rejects.toMatchObject({
        code: 'MW6162',
        kind: 'conflict',
        message: expect.stringContaining(first.id),
      });
      await expect(store.createAgreement(request({ id: ID, principalId: 'ben' }))).rejects.toMatchObject({
        code: 'MW6110',
      });
      // Another principal, another port, another major: separate requests.
      await store.createAgreement(request({ principalId: 'ben' }));
      await store.createAgreement(request({ port: 'order_lines' }));
      await store.createAgreement(request({ major: 2 }));
      await store.updateAgreementStatus({ id: ID, from: 'pending', to: 'rejected', by: 'olga', note: 'too broad' });
      const again = await store.createAgreement(request({ purpose: 'narrower purpose' }));
      expect(again.status).toBe('pending');
    });

    it('files one request when the same principal asks from two stores at once', async () => {
      const { store, database } = await stores.fresh();
      const other = await stores.open(database);
      await withProducts(store);
      const results = await Promise.allSettled(
        Array.from({ length: 8 }, (_, i) => (i % 2 ? store : other).createAgreement(request({ purpose: `#${i}` }))),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      for (const r of results.filter((r) => r.status === 'rejected')) {
        expect((r as PromiseRejectedResult).reason).toMatchObject({ code: 'MW6162' });
      }
    });

    it('moves only along the lifecycle, and only from the status the caller saw', async () => {
      const { store } = await stores.fresh();
      await withProducts(store);
      await store.createAgreement(request({ id: ID }));
      await expect(
        store.updateAgreementStatus({ id: ID, from: 'pending', to: 'revoked', by: 'olga' }),
      ).rejects.toMatchObject({
        code: 'MW6101',
        message: expect.stringContaining('approved or rejected or cancelled'),
      });
      await expect(
        store.updateAgreementStatus({ id: ID, from: 'rejected', to: 'approved', by: 'olga' }),
      ).rejects.toMatchObject({ code: 'MW6101', message: expect.stringContaining('it is final') });
      await expect(
        store.updateAgreementStatus({ id: ID, from: 'pending', to: 'shelved' as never, by: 'olga' }),
      ).rejects.toMatchObject({ code: 'MW6101' });
      await expect(
        store.updateAgreementStatus({ id: ID, from: 'approved', to: 'revoked', by: 'olga' }),
      ).rejects.toMatchObject({ code: 'MW6161', kind: 'conflict', message: expect.stringContaining('is pending') });
      await expect(
        store.updateAgreementStatus({ id: uuidFrom('unknown'), from: 'pending', to: 'approved', by: 'olga' }),
      ).rejects.toMatchObject({ code: 'MW6160', kind: 'not-found' });
      await store.updateAgreementStatus({ id: ID, from: 'pending', to: 'cancelled', by: 'ana' });
      await expect(
        store.updateAgreementStatus({ id: ID, from: 'pending', to: 'approved', by: 'olga' }),
      ).rejects.toMatchObject({ code: 'MW6161', message: expect.stringContaining('is cancelled (by ana)') });
      expect(await store.getAgreement(ID)).toMatchObject({ status: 'cancelled', decidedBy: 'ana' });
    });

    it('lets exactly one of an approval and a rejection racing on two stores win', async () => {
      const { store, database } = await stores.fresh();
      const other = await stores.open(database);
      await withProducts(store);
      const ids = Array.from({ length: 12 }, (_, i) => uuidFrom(`race-${i}`));
      for (const [i, id] of ids.entries()) await store.createAgreement(request({ id, principalId: `user-${i}` }));
      const outcomes = await Promise.all(
        ids.map(async (id) => {
          const results = await Promise.allSettled([
            store.updateAgreementStatus({ id, from: 'pending', to: 'approved', by: 'olga' }),
            other.updateAgreementStatus({ id, from: 'pending', to: 'rejected', by: 'raj', note: 'no' }),
          ]);
          const won = results.filter((r) => r.status === 'fulfilled');
          const lost = results.filter((r) => r.status === 'rejected');
          expect(won).toHaveLength(1);
          expect((lost[0] as PromiseRejectedResult).reason).toMatchObject({ code: 'MW6161' });
          const stored = await store.getAgreement(id);
          expect(stored).toEqual((won[0] as PromiseFulfilledResult<unknown>).value);
          return stored!.status;
        }),
      );
      expect(outcomes.every((s) => s === 'approved' || s === 'rejected')).toBe(true);
    });

    it('finds an approved agreement in force only inside [startsAt, endsAt), and not once revoked', async () => {
      const { store } = await stores.fresh();
      await withProducts(store);
      await store.createAgreement(request({ id: ID }));
      const active = (at: string, principalId = 'ana', port = ORDERS) => store.activeAgreements(principalId, port, at);
      expect(await active('2024-06-01T00:00:00.000Z')).toEqual([]);
      const approved = await store.updateAgreementStatus({ id: ID, from: 'pending', to: 'approved', by: 'olga' });
      expect(await active('2024-04-30T23:59:59.999Z')).toEqual([]);
      expect(await active('2024-05-01T00:00:00.000Z')).toEqual([approved]);
      expect(await active('2024-07-31T23:59:59.999Z')).toEqual([approved]);
      expect(await active('2024-08-01T00:00:00.000Z')).toEqual([]);
      expect(await active('2024-06-01T00:00:00.000Z', 'ben')).toEqual([]);
      expect(await active('2024-06-01T00:00:00.000Z', 'ana', { ...ORDERS, major: 2 })).toEqual([]);
      expect(await active('2024-06-01T00:00:00.000Z', 'ana', { ...ORDERS, port: 'order_lines' })).toEqual([]);

      // A second, longer agreement for the same port comes first (latest end).
      const longer = request({ id: uuidFrom('longer'), endsAt: '2024-12-01T00:00:00.000Z' });
      await store.createAgreement(longer);
      const second = await store.updateAgreementStatus({ id: longer.id, from: 'pending', to: 'approved', by: 'olga' });
      expect(await active('2024-06-01T00:00:00.000Z')).toEqual([second, approved]);

      await store.updateAgreementStatus({ id: ID, from: 'approved', to: 'revoked', by: 'ana' });
      expect(await active('2024-06-01T00:00:00.000Z')).toEqual([second]);
      await expect(store.activeAgreements('ana', { ...ORDERS, major: -1 }, '2024-06-01')).rejects.toMatchObject({
        code: 'MW6101',
      });
    });

    it('lists approved agreements past their end, oldest end first, until their expiry is recorded', async () => {
      const { store } = await stores.fresh();
      await withProducts(store);
      const ends = ['2024-06-03T00:00:00.000Z', '2024-06-01T00:00:00.000Z', '2024-06-02T00:00:00.000Z'];
      for (const [i, endsAt] of ends.entries()) {
        const id = uuidFrom(`end-${i}`);
        await store.createAgreement(request({ id, principalId: `user-${i}`, endsAt }));
        await store.updateAgreementStatus({ id, from: 'pending', to: 'approved', by: 'olga' });
      }
      await store.createAgreement(request({ id: ID, endsAt: '2024-05-15T00:00:00.000Z' }));
      const due = await store.listAgreementsPastEnd('2024-06-02T00:00:00.000Z');
      expect(due.map((a) => a.endsAt)).toEqual(['2024-06-01T00:00:00.000Z', '2024-06-02T00:00:00.000Z']);
      await store.updateAgreementStatus({ id: due[0]!.id, from: 'approved', to: 'expired', by: 'system' });
      expect((await store.listAgreementsPastEnd('2024-07-01T00:00:00.000Z', 1)).map((a) => a.endsAt)).toEqual([
        '2024-06-02T00:00:00.000Z',
      ]);
      expect(await store.getAgreement(due[0]!.id)).toMatchObject({ status: 'expired', endedBy: 'system' });
    });

    it('pages through agreements newest first, by product(s), principal and status(es)', async () => {
      const { store } = await stores.fresh();
      await withProducts(store);
      const all: string[] = [];
      for (let i = 0; i < 60; i++) {
        const id = uuidFrom(`list-${i}`);
        all.push(id);
        await store.createAgreement(
          request({
            id,
            principalId: i % 3 === 0 ? 'ana' : `user-${i}`,
            port: `port-${i}`,
            productId: i % 2 ? 'sales.returns' : 'sales.orders',
            // Every two requests share a time: the id breaks the tie.
            requestedAt: new Date(Date.UTC(2024, 4, 1, 0, Math.floor(i / 2))).toISOString(),
          }),
        );
        if (i % 4 === 0) await store.updateAgreementStatus({ id, from: 'pending', to: 'approved', by: 'olga' });
      }
      const everything = await allPages((after: string | undefined) => store.listAgreements({ after, limit: 7 }));
      expect(everything.pages).toBe(9);
      expect(everything.items).toHaveLength(60);
      const keys = everything.items.map((a) => `${a.requestedAt}|${a.id}`);
      expect(keys).toEqual([...keys].sort().reverse());

      const ana = await store.listAgreements({ principalId: 'ana', limit: 1000 });
      expect(ana.items).toHaveLength(20);
      const orders = await allPages((after: string | undefined) =>
        store.listAgreements({ productId: 'sales.orders', status: 'pending', after, limit: 4 }),
      );
      expect(orders.items).toHaveLength(15);
      expect(orders.items.every((a) => a.productId === 'sales.orders' && a.status === 'pending')).toBe(true);
      const approved = await store.listAgreements({ status: ['approved'], limit: 1000 });
      expect(approved.items.map((a) => a.id).sort()).toEqual(all.filter((_, i) => i % 4 === 0).sort());
      const both = await store.listAgreements({ productIds: ['sales.orders', 'sales.returns'], limit: 1000 });
      expect(both.items).toHaveLength(60);
      expect(await store.listAgreements({ productIds: [] })).toEqual({ items: [] });
      expect((await store.listAgreements({ productId: 'sales.orders', productIds: ['sales.returns'] })).items).toEqual(
        [],
      );
      const anaApprovedOrders = await store.listAgreements({
        principalId: 'ana',
        productIds: ['sales.orders'],
        status: ['approved', 'revoked'],
      });
      expect(anaApprovedOrders.items.every((a) => a.principalId === 'ana' && a.status === 'approved')).toBe(true);
      expect(anaApprovedOrders.items).toHaveLength(5);

      await expect(store.listAgreements({ after: 'nope' })).rejects.toMatchObject({ code: 'MW6103' });
      const productCursor = (await store.listProducts({ limit: 1 })).next;
      await expect(store.listAgreements({ after: productCursor })).rejects.toMatchObject({ code: 'MW6103' });
      await expect(store.listAgreements({ status: 'lost' as never })).rejects.toMatchObject({ code: 'MW6101' });
      await expect(store.listAgreements({ limit: 0 })).rejects.toMatchObject({ code: 'MW6103' });
    });
  });

  describe('webhook delivery log', () => {
    const stores = useStores(harness);
    const DELIVERY = 'D0000000-0000-4000-8000-0000000000D1';

    function attempt(overrides: Partial<WebhookDeliveryInput> = {}): WebhookDeliveryInput {
      return {
        deliveryId: DELIVERY,
        attempt: 1,
        subscriptionId: 'ops-chat',
        eventId: 'e0000000-0000-4000-8000-0000000000e1',
        eventType: 'access.requested',
        outcome: 'retrying',
        httpStatus: 503,
        error: 'HTTP 503 Service Unavailable',
        durationMs: 12.4,
        nextAttemptAt: '2024-05-01T12:00:01.000Z',
        body: '{"id":"e1","type":"access.requested"}',
        attemptedAt: '2024-05-01T12:00:00.000Z',
        ...overrides,
      };
    }

    it('appends attempts and lists them newest first, by subscription and delivery', async () => {
      const { store } = await stores.fresh();
      const first = await store.recordWebhookDelivery(attempt());
      expect(JSON.stringify(first)).toBe(
        '{"deliveryId":"d0000000-0000-4000-8000-0000000000d1","attempt":1,"subscriptionId":"ops-chat",' +
          '"eventId":"e0000000-0000-4000-8000-0000000000e1","eventType":"access.requested","outcome":"retrying",' +
          '"httpStatus":503,"error":"HTTP 503 Service Unavailable","durationMs":12,' +
          '"nextAttemptAt":"2024-05-01T12:00:01.000Z","body":"{\\"id\\":\\"e1\\",\\"type\\":\\"access.requested\\"}",' +
          '"attemptedAt":"2024-05-01T12:00:00.000Z"}',
      );
      const second = await store.recordWebhookDelivery(
        attempt({
          attempt: 2,
          outcome: 'delivered',
          httpStatus: 204,
          error: null,
          nextAttemptAt: null,
          attemptedAt: '2024-05-01T12:00:01.500Z',
        }),
      );
      await expect(store.recordWebhookDelivery(attempt())).rejects.toMatchObject({ code: 'MW6110' });
      for (let i = 0; i < 25; i++) {
        await store.recordWebhookDelivery(
          attempt({
            deliveryId: uuidFrom(`d-${i}`),
            subscriptionId: i % 2 ? 'ops-chat' : 'audit-sink',
            outcome: 'failed',
            httpStatus: null,
            error: 'connect ECONNREFUSED',
            nextAttemptAt: null,
            attemptedAt: new Date(Date.UTC(2024, 4, 2, 0, i)).toISOString(),
          }),
        );
      }
      const all = await allPages((after: string | undefined) => store.listWebhookDeliveries({ after, limit: 10 }));
      expect(all.items).toHaveLength(27);
      expect(all.items.slice(-2)).toEqual([second, first]);
      const audit = await store.listWebhookDeliveries({ subscriptionId: 'audit-sink', limit: 1000 });
      expect(audit.items).toHaveLength(13);
      expect((await store.listWebhookDeliveries({ deliveryId: DELIVERY })).items).toEqual([second, first]);
      expect((await store.listWebhookDeliveries({ deliveryId: 'x' })).items).toEqual([]);
      await expect(store.listWebhookDeliveries({ after: 'bad' })).rejects.toMatchObject({ code: 'MW6103' });
    });

    it('refuses a retrying attempt without its next time, and a final one with it', async () => {
      const { store } = await stores.fresh();
      await expect(store.recordWebhookDelivery(attempt({ nextAttemptAt: null }))).rejects.toMatchObject({
        code: 'MW6101',
      });
      await expect(store.recordWebhookDelivery(attempt({ outcome: 'failed' }))).rejects.toMatchObject({
        code: 'MW6101',
      });
      await expect(store.recordWebhookDelivery(attempt({ attempt: 0 }))).rejects.toMatchObject({ code: 'MW6101' });
      await expect(store.recordWebhookDelivery(attempt({ body: '' }))).rejects.toMatchObject({ code: 'MW6101' });
    });

    it('lists due retries: latest attempts still retrying, not superseded by a later attempt', async () => {
      const { store } = await stores.fresh();
      await store.recordWebhookDelivery(attempt());
      const other = uuidFrom('other');
      await store.recordWebhookDelivery(attempt({ deliveryId: other, nextAttemptAt: '2024-05-01T12:05:00.000Z' }));
      await store.recordWebhookDelivery(
        attempt({ deliveryId: other, attempt: 2, nextAttemptAt: '2024-05-01T12:10:00.000Z' }),
      );
      const due = await store.listDueWebhookRetries({ dueBefore: '2024-05-01T12:06:00.000Z' });
      expect(due.map((d) => [d.deliveryId, d.attempt])).toEqual([[DELIVERY.toLowerCase(), 1]]);
      const later = await store.listDueWebhookRetries({ dueBefore: '2024-05-01T13:00:00.000Z' });
      expect(later.map((d) => [d.deliveryId, d.attempt])).toEqual([
        [DELIVERY.toLowerCase(), 1],
        [other, 2],
      ]);
      await store.recordWebhookDelivery(
        attempt({ attempt: 2, outcome: 'delivered', httpStatus: 200, error: null, nextAttemptAt: null }),
      );
      expect(
        (await store.listDueWebhookRetries({ dueBefore: '2024-05-01T13:00:00.000Z' })).map((d) => d.deliveryId),
      ).toEqual([other]);
    });
  });
}
