/**
 * The agreement lifecycle on a real workspace and a real SQLite store: requests, decisions by
 * whom the authorizer allows, immediate effect on the lookup, expiry by the clock alone, audit
 * events and webhook events for every step, and clear coded errors for everything refused.
 */
import { join } from 'node:path';
import type { MeshModel } from '@meshwork/core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { resolvePrincipal } from '../identity/resolve-principal.js';
import type { Principal } from '../identity/principal.js';
import { createMetadataStore } from '../metadata/create-metadata-store.js';
import type { MetadataStore } from '../metadata/metadata-store.js';
import type { JsonValue } from '../metadata/canonical-json.js';
import type { EventPublisher, WebhookEvent } from '../webhooks/webhook-types.js';
import { loadWorkspaceFromDisk } from '../workspace/load-workspace-from-disk.js';
import { agreementUrn } from './agreement-events.js';
import { createAgreementLookup } from './agreement-lookup.js';
import { createAgreementService, type AccessRequestInput, type AgreementService } from './agreement-service.js';
import { loadAccessPolicies } from '../access/load-access-policies.js';
import { createAccessWorkspace, type AccessWorkspace } from './test-support/access-workspace.js';

let workspace: AccessWorkspace;
let model: MeshModel;
beforeAll(async () => {
  workspace = await createAccessWorkspace();
  ({ model } = await loadWorkspaceFromDisk(workspace.root, {}));
});
afterAll(() => workspace.dispose());

/** Records what the service publishes; the dispatcher itself is tested against a real HTTP server. */
class RecordingPublisher implements EventPublisher {
  readonly events: WebhookEvent[] = [];
  publish(type: string, data: JsonValue): WebhookEvent {
    const event = { id: `e${this.events.length + 1}`, type, occurredAt: new Date().toISOString(), data };
    this.events.push(event);
    return event;
  }
}

interface Fixture {
  readonly store: MetadataStore;
  readonly service: AgreementService;
  readonly events: RecordingPublisher;
  setNow(iso: string): void;
  as(id: string, scopes?: Principal['scopes']): Principal;
}

const stores: MetadataStore[] = [];
afterEach(async () => {
  await Promise.all(stores.splice(0).map((s) => s.close()));
});

let dbCounter = 0;
async function fixture(start = '2030-01-10T09:00:00.000Z', path?: string): Promise<Fixture> {
  let now = new Date(start);
  const store = await createMetadataStore({
    kind: 'sqlite',
    path: path ?? join(workspace.root, '.meshwork', `service-${++dbCounter}.db`),
  });
  stores.push(store);
  const events = new RecordingPublisher();
  const service = createAgreementService({
    store,
    model,
    // The starter access policies `mesh init` writes: owner team, governance and admins approve.
    authorizer: loadAccessPolicies(workspace.root, model).authorizer,
    events,
    now: () => new Date(now),
  });
  return {
    store,
    service,
    events,
    setNow: (iso) => {
      now = new Date(iso);
    },
    as: (id, scopes) => {
      const principal = resolvePrincipal(model, id);
      if (!principal) throw new Error(`no principal ${id}`);
      return scopes ? { ...principal, scopes } : principal;
    },
  };
}

const ORDERS: AccessRequestInput = {
  productId: 'sales.orders',
  purpose: 'Churn model training',
  endsAt: '2030-04-01T00:00:00.000Z',
};
const ORDERS_PORT = { productId: 'sales.orders', port: 'orders', major: 1 };

describe('access requests and agreements', () => {
  it('requests the current major of the only port, and grants access the moment the owner approves', async () => {
    const f = await fixture();
    const lookup = createAgreementLookup(f.store);
    const request = await f.service.request(f.as('ana'), ORDERS);
    expect(request).toMatchObject({
      principalId: 'ana',
      productId: 'sales.orders',
      port: 'orders',
      major: 1,
      purpose: 'Churn model training',
      startsAt: '2030-01-10T09:00:00.000Z',
      endsAt: '2030-04-01T00:00:00.000Z',
      status: 'pending',
      active: false,
    });
    expect(await lookup.activeAgreements('ana', ORDERS_PORT, new Date('2030-01-10T09:00:00Z'))).toEqual([]);

    f.setNow('2030-01-10T10:00:00.000Z');
    const approved = await f.service.approve(f.as('olga'), request.id, 'ok for Q1');
    expect(approved).toMatchObject({ status: 'approved', decidedBy: 'olga', decisionNote: 'ok for Q1', active: true });
    expect(await lookup.activeAgreements('ana', ORDERS_PORT, new Date('2030-01-10T10:00:00Z'))).toEqual([
      { id: request.id, purpose: 'Churn model training', endsAt: '2030-04-01T00:00:00.000Z' },
    ]);
    expect(await lookup.activeAgreements('ben', ORDERS_PORT, new Date('2030-01-10T10:00:00Z'))).toEqual([]);

    const audit = (await f.store.listAudit({ resource: agreementUrn(request.id) })).items;
    expect(audit.map((e) => [e.actor, e.action])).toEqual([
      ['ana', 'access.requested'],
      ['olga', 'access.approved'],
    ]);
    expect(audit[1]!.details).toMatchObject({
      agreement: { status: 'approved', decidedBy: 'olga', purpose: 'Churn model training' },
      authenticatedBy: 'local',
    });
    expect(f.events.events.map((e) => e.type)).toEqual(['access.requested', 'access.approved']);
    expect(f.events.events[1]!.data).toMatchObject({
      actor: 'olga',
      agreement: { id: request.id, status: 'approved' },
    });
    expect(await f.store.verifyAudit()).toMatchObject({ ok: true, count: 2 });
  });

  it('refuses bad requests with clear coded errors and stores nothing', async () => {
    const f = await fixture();
    const ana = f.as('ana');
    const cases: [Partial<AccessRequestInput>, string, RegExp][] = [
      [{ purpose: '' }, 'MW8702', /purpose is required/],
      [{ purpose: '   ' }, 'MW8702', /purpose is required/],
      [{ endsAt: '' }, 'MW8702', /end date is required/],
      [{ endsAt: '2030-01-01T00:00:00Z' }, 'MW8702', /must be after the start/],
      [{ startsAt: '2030-03-01T00:00:00Z', endsAt: '2030-02-01T00:00:00Z' }, 'MW8702', /must be after the start/],
      [{ startsAt: '2029-12-01T00:00:00Z' }, 'MW8702', /in the past/],
      [{ endsAt: '2033-01-01T00:00:00Z' }, 'MW8702', /at most 730 days/],
      [{ endsAt: 'next year' }, 'MW8702', /not a date/],
      [{ productId: 'sales.nothing' }, 'MW8703', /no product sales.nothing/],
      [{ port: 'lines' }, 'MW8703', /no output port lines \(ports: orders\)/],
      [{ major: 3 }, 'MW8703', /no major version 3 \(served: v1\)/],
    ];
    for (const [overrides, code, message] of cases) {
      await expect(
        f.service.request(ana, { ...ORDERS, ...overrides }),
        JSON.stringify(overrides),
      ).rejects.toMatchObject({
        code,
        message: expect.stringMatching(message),
      });
    }
    expect((await f.store.listAgreements()).items).toEqual([]);
    expect((await f.store.listAudit()).items).toEqual([]);
  });

  it('refuses a second pending request for the same port', async () => {
    const f = await fixture();
    await f.service.request(f.as('ana'), ORDERS);
    await expect(f.service.request(f.as('ana'), { ...ORDERS, purpose: 'again' })).rejects.toMatchObject({
      code: 'MW6162',
      kind: 'conflict',
    });
    await f.service.request(f.as('ben'), ORDERS);
    await f.service.request(f.as('ana'), { ...ORDERS, productId: 'sales.returns' });
  });

  it('lets only the owner team, governance and admins decide — not a consumer approving their own request', async () => {
    const f = await fixture();
    const mine = await f.service.request(f.as('ana'), ORDERS);
    for (const who of ['ana', 'ben', 'mia', 'churn-bot']) {
      await expect(f.service.approve(f.as(who), mine.id)).rejects.toMatchObject({
        code: 'MW8705',
        kind: 'not-allowed',
        message: expect.stringContaining('may not approve'),
      });
    }
    // An owner whose token lacks the approve scope cannot approve with it.
    await expect(f.service.approve(f.as('olga', ['query']), mine.id)).rejects.toMatchObject({
      code: 'MW8705',
      message: expect.stringContaining('approve scope'),
    });
    await expect(f.service.reject(f.as('gus'), mine.id, '')).rejects.toMatchObject({
      code: 'MW8702',
      message: expect.stringContaining('rejection needs a note'),
    });
    const rejected = await f.service.reject(f.as('gus'), mine.id, 'purpose too vague');
    expect(rejected).toMatchObject({ status: 'rejected', decidedBy: 'gus', decisionNote: 'purpose too vague' });
    await expect(f.service.approve(f.as('olga'), mine.id)).rejects.toMatchObject({
      code: 'MW8706',
      kind: 'conflict',
      message: expect.stringContaining('already rejected (by gus)'),
    });

    const again = await f.service.request(f.as('ana'), { ...ORDERS, purpose: 'Churn model, EU rows only' });
    await f.service.approve(f.as('adam'), again.id);
    await expect(f.service.approve(f.as('olga'), again.id)).rejects.toMatchObject({
      code: 'MW8706',
      message: expect.stringContaining('already approved (by adam)'),
    });
    await expect(f.service.approve(f.as('olga'), '00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({
      code: 'MW8708',
      kind: 'not-found',
    });
  });

  it('lets the requester cancel a pending request, and nobody else', async () => {
    const f = await fixture();
    const mine = await f.service.request(f.as('ana'), ORDERS);
    await expect(f.service.cancel(f.as('olga'), mine.id)).rejects.toMatchObject({ code: 'MW8707' });
    // A stranger is not even told that the request exists.
    await expect(f.service.cancel(f.as('ben'), mine.id)).rejects.toMatchObject({ code: 'MW8708' });
    await expect(f.service.get(f.as('ben'), mine.id)).rejects.toMatchObject({ code: 'MW8708' });
    expect(await f.service.cancel(f.as('ana'), mine.id)).toMatchObject({ status: 'cancelled', decidedBy: 'ana' });
    await expect(f.service.cancel(f.as('ana'), mine.id)).rejects.toMatchObject({ code: 'MW8706' });
    await expect(f.service.approve(f.as('olga'), mine.id)).rejects.toMatchObject({ code: 'MW8706' });
  });

  it('ends access at once on revocation, by the owner or by the consumer giving it up', async () => {
    const f = await fixture();
    const lookup = createAgreementLookup(f.store);
    const at = new Date('2030-01-10T09:00:00.000Z');
    const first = await f.service.request(f.as('ana'), ORDERS);
    await expect(f.service.revoke(f.as('olga'), first.id)).rejects.toMatchObject({
      code: 'MW8706',
      message: expect.stringContaining('only while approved'),
    });
    await f.service.approve(f.as('olga'), first.id);
    await expect(f.service.revoke(f.as('ben'), first.id)).rejects.toMatchObject({ code: 'MW8708' });
    expect(await lookup.activeAgreements('ana', ORDERS_PORT, at)).toHaveLength(1);
    const revoked = await f.service.revoke(f.as('olga'), first.id, 'contract ended');
    expect(revoked).toMatchObject({ status: 'revoked', endedBy: 'olga', endNote: 'contract ended', active: false });
    expect(await lookup.activeAgreements('ana', ORDERS_PORT, at)).toEqual([]);

    const second = await f.service.request(f.as('ana'), ORDERS);
    await f.service.approve(f.as('olga'), second.id);
    expect(await f.service.revoke(f.as('ana'), second.id)).toMatchObject({ status: 'revoked', endedBy: 'ana' });
    expect(await lookup.activeAgreements('ana', ORDERS_PORT, at)).toEqual([]);
    expect(f.events.events.map((e) => e.type)).toEqual([
      'access.requested',
      'access.approved',
      'access.revoked',
      'access.requested',
      'access.approved',
      'access.revoked',
    ]);
  });

  it('starts and stops by the clock alone; the sweeper then records each expiry once', async () => {
    const f = await fixture();
    const lookup = createAgreementLookup(f.store);
    const later = await f.service.request(f.as('ana'), {
      ...ORDERS,
      startsAt: '2030-02-01T00:00:00.000Z',
      endsAt: '2030-03-01',
    });
    await f.service.approve(f.as('olga'), later.id);
    const active = (iso: string) => lookup.activeAgreements('ana', ORDERS_PORT, new Date(iso));
    expect(await active('2030-01-31T23:59:59.999Z')).toEqual([]);
    expect(await active('2030-02-01T00:00:00.000Z')).toHaveLength(1);
    expect(await active('2030-02-28T23:59:59.999Z')).toHaveLength(1);
    expect(await active('2030-03-01T00:00:00.000Z')).toEqual([]);

    f.setNow('2030-02-15T00:00:00.000Z');
    expect(await f.service.sweepExpired()).toEqual([]);
    expect((await f.service.get(f.as('ana'), later.id)).active).toBe(true);
    f.setNow('2030-03-01T00:00:00.000Z');
    // Ended: no longer active even before any sweep, and no longer revocable.
    expect((await f.service.get(f.as('ana'), later.id)).active).toBe(false);
    await expect(f.service.revoke(f.as('olga'), later.id)).rejects.toMatchObject({
      code: 'MW8706',
      message: expect.stringContaining('already ended'),
    });

    // A second service on another connection sweeps at the same time: one records it.
    const other = await fixture('2030-03-01T00:00:00.000Z', f.store.target);
    const [a, b] = await Promise.all([f.service.sweepExpired(), other.service.sweepExpired()]);
    expect([...a, ...b].map((x) => [x.id, x.status, x.endedBy])).toEqual([[later.id, 'expired', 'system']]);
    expect(await f.service.sweepExpired()).toEqual([]);
    const expiries = (await f.store.listAudit({ resource: agreementUrn(later.id) })).items.filter(
      (e) => e.action === 'access.expired',
    );
    expect(expiries).toHaveLength(1);
    expect(expiries[0]).toMatchObject({ actor: 'system', details: { authenticatedBy: 'agreement-sweeper' } });
    expect([...f.events.events, ...other.events.events].filter((e) => e.type === 'access.expired')).toHaveLength(1);
  });

  it('refuses to approve a request whose period has already ended', async () => {
    const f = await fixture();
    const request = await f.service.request(f.as('ana'), { ...ORDERS, endsAt: '2030-01-20T00:00:00.000Z' });
    f.setNow('2030-01-21T00:00:00.000Z');
    await expect(f.service.approve(f.as('olga'), request.id)).rejects.toMatchObject({
      code: 'MW8706',
      message: expect.stringContaining('ended'),
    });
  });

  it('lets exactly one of two owners approving and rejecting at once win', async () => {
    const f = await fixture();
    const other = await fixture('2030-01-10T09:00:00.000Z', f.store.target);
    for (let i = 0; i < 5; i++) {
      const request = await f.service.request(f.as('ana'), { ...ORDERS, purpose: `round ${i}` });
      const results = await Promise.allSettled([
        f.service.approve(f.as('olga'), request.id),
        other.service.reject(other.as('gus'), request.id, 'no'),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const loser = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      expect(['MW6161', 'MW8706']).toContain(loser.reason.code);
      const final = await f.store.getAgreement(request.id);
      const steps = (await f.store.listAudit({ resource: agreementUrn(request.id) })).items.map((e) => e.action);
      expect(steps).toEqual(['access.requested', final!.status === 'approved' ? 'access.approved' : 'access.rejected']);
      if (final!.status === 'approved') await f.service.revoke(f.as('olga'), request.id);
    }
  });

  it('lists my requests, and an inbox of the products I decide on', async () => {
    const f = await fixture();
    // One minute apart: lists are newest first.
    const a1 = await f.service.request(f.as('ana'), ORDERS);
    f.setNow('2030-01-10T09:01:00.000Z');
    const a2 = await f.service.request(f.as('ana'), { ...ORDERS, productId: 'marketing.campaigns' });
    f.setNow('2030-01-10T09:02:00.000Z');
    const b1 = await f.service.request(f.as('ben'), { ...ORDERS, productId: 'sales.returns' });
    f.setNow('2030-01-10T09:03:00.000Z');
    const bot = await f.service.request(f.as('churn-bot'), ORDERS);
    await f.service.approve(f.as('olga'), a1.id);
    const ids = async (who: string, query: Parameters<AgreementService['list']>[1]) =>
      (await f.service.list(f.as(who), query)).items.map((a) => a.id);

    expect(await ids('ana', {})).toEqual([a2.id, a1.id]);
    expect(await ids('ana', { status: 'pending' })).toEqual([a2.id]);
    expect(await ids('churn-bot', { role: 'mine' })).toEqual([bot.id]);
    expect(await ids('olga', { role: 'inbox' })).toEqual([bot.id, b1.id, a1.id]);
    expect(await ids('olga', { role: 'inbox', status: 'pending' })).toEqual([bot.id, b1.id]);
    expect(await ids('olga', { role: 'inbox', productId: 'sales.returns' })).toEqual([b1.id]);
    expect(await ids('mia', { role: 'inbox' })).toEqual([a2.id]);
    expect(await ids('gus', { role: 'inbox', status: 'pending' })).toEqual([bot.id, b1.id, a2.id]);
    expect(await ids('ana', { role: 'inbox' })).toEqual([]);
    await expect(f.service.list(f.as('ana'), { role: 'inbox', productId: 'sales.orders' })).rejects.toMatchObject({
      code: 'MW8705',
    });
    const page = await f.service.list(f.as('gus'), { role: 'inbox', limit: 2 });
    expect(page.items).toHaveLength(2);
    const rest = await f.service.list(f.as('gus'), { role: 'inbox', limit: 2, after: page.next });
    expect([...page.items, ...rest.items].map((a) => a.id)).toEqual([bot.id, b1.id, a2.id, a1.id]);
  });

  it('registers a product the store does not know yet before recording a request for it', async () => {
    const f = await fixture();
    expect(await f.store.getProduct('sales.orders')).toBeUndefined();
    await f.service.request(f.as('ana'), ORDERS);
    expect(await f.store.getProduct('sales.orders')).toMatchObject({ ownerTeam: 'sales-data' });
  });
});
