/**
 * The dispatcher against a real local HTTP server that checks every signature and answers what
 * each test scripts (fail first, time out, refuse…), with the delivery log in a real SQLite store.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMetadataStore } from '../metadata/create-metadata-store.js';
import type { MetadataStore } from '../metadata/metadata-store.js';
import {
  createWebhookDispatcher,
  type WebhookDispatcher,
  type WebhookDispatcherOptions,
} from './webhook-dispatcher.js';
import { verifyWebhookSignature } from './webhook-signature.js';
import type { WebhookSubscription } from './webhook-types.js';

const SECRET = 'a-very-secret-signing-key-0123456789';

interface Received {
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  readonly signed: boolean;
}

/** A subscriber: records what it receives and answers with the next scripted status (the last one repeats). */
class Receiver {
  readonly received: Received[] = [];
  script: (number | 'hang')[] = [200];
  headers: Record<string, string> = {};
  readonly #server: Server;

  constructor() {
    this.#server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const signed = verifyWebhookSignature(SECRET, body, request.headers['x-meshwork-signature']);
        this.received.push({ headers: request.headers, body, signed });
        const next = this.script.length > 1 ? this.script.shift()! : this.script[0]!;
        if (next === 'hang') return;
        response.writeHead(next, this.headers).end('ok');
      });
    });
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.#server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}/hooks?token=abc`;
  }

  async stop(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }
}

/** A port nothing listens on (fetch refuses the well-known "bad ports" before connecting). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

let receiver: Receiver;
let url: string;
let store: MetadataStore;
const dispatchers: WebhookDispatcher[] = [];

beforeEach(async () => {
  receiver = new Receiver();
  url = await receiver.start();
  store = await createMetadataStore({ kind: 'sqlite', path: ':memory:' });
});
afterEach(async () => {
  await Promise.all(dispatchers.splice(0).map((d) => d.close()));
  await receiver.stop();
  await store.close();
});

function subscription(overrides: Partial<WebhookSubscription> = {}): WebhookSubscription {
  return { id: 'ops', url, events: ['*'], secret: SECRET, ...overrides };
}

function dispatcher(options: Partial<WebhookDispatcherOptions> = {}): WebhookDispatcher {
  const created = createWebhookDispatcher({
    subscriptions: [subscription()],
    store,
    baseDelayMs: 5,
    maxDelayMs: 40,
    timeoutMs: 2000,
    ...options,
  });
  dispatchers.push(created);
  return created;
}

async function log() {
  return (await store.listWebhookDeliveries({ limit: 1000 })).items.toReversed();
}

describe('webhook dispatcher', () => {
  it('POSTs the event as signed JSON with its type and delivery id, and logs the attempt', async () => {
    const lines: string[] = [];
    const webhooks = dispatcher({ log: (message, fields) => lines.push(`${message} ${JSON.stringify(fields)}`) });
    const event = webhooks.publish('access.approved', { agreement: { id: 'x', port: 'orders' } });
    expect(receiver.received).toEqual([]); // queued, not sent inline
    await webhooks.idle();

    expect(receiver.received).toHaveLength(1);
    const [got] = receiver.received;
    expect(got!.signed).toBe(true);
    expect(JSON.parse(got!.body)).toEqual({
      id: event.id,
      type: 'access.approved',
      occurredAt: event.occurredAt,
      data: { agreement: { id: 'x', port: 'orders' } },
    });
    expect(Object.keys(JSON.parse(got!.body))).toEqual(['id', 'type', 'occurredAt', 'data']);
    expect(got!.headers['content-type']).toBe('application/json');
    expect(got!.headers['x-meshwork-event']).toBe('access.approved');
    expect(got!.headers['x-meshwork-signature']).toMatch(/^sha256=[0-9a-f]{64}$/);

    const attempts = await log();
    expect(attempts).toEqual([
      expect.objectContaining({
        deliveryId: got!.headers['x-meshwork-delivery'],
        attempt: 1,
        subscriptionId: 'ops',
        eventId: event.id,
        eventType: 'access.approved',
        outcome: 'delivered',
        httpStatus: 200,
        error: null,
        nextAttemptAt: null,
        body: got!.body,
      }),
    ]);
    const everything = JSON.stringify(attempts) + lines.join('\n');
    expect(everything).not.toContain(SECRET);
    expect(everything).not.toContain('token=abc');
  });

  it('retries 5xx, 408 and 429 with growing delays until delivered, logging each attempt', async () => {
    receiver.script = [503, 408, 429, 500, 204];
    const webhooks = dispatcher({ random: () => 1 });
    webhooks.publish('access.requested', { n: 1 });
    await webhooks.idle();

    expect(receiver.received).toHaveLength(5);
    expect(receiver.received.every((r) => r.signed)).toBe(true);
    expect(new Set(receiver.received.map((r) => r.headers['x-meshwork-delivery'])).size).toBe(1);
    expect(new Set(receiver.received.map((r) => r.body)).size).toBe(1);
    const attempts = await log();
    expect(attempts.map((a) => [a.attempt, a.outcome, a.httpStatus])).toEqual([
      [1, 'retrying', 503],
      [2, 'retrying', 408],
      [3, 'retrying', 429],
      [4, 'retrying', 500],
      [5, 'delivered', 204],
    ]);
    expect(attempts[0]!.error).toBe('HTTP 503 Service Unavailable');
    // random() = 1: the full step, 5, 10, 20, 40 ms; the wait is from one attempt to the next.
    const waits = attempts.slice(1).map((a, i) => Date.parse(a.attemptedAt) - Date.parse(attempts[i]!.nextAttemptAt!));
    waits.forEach((wait) => expect(wait).toBeGreaterThanOrEqual(-2));
    const planned = attempts.slice(0, 4).map((a) => Date.parse(a.nextAttemptAt!) - Date.parse(a.attemptedAt));
    planned.forEach((gap, i) => expect(gap).toBeGreaterThanOrEqual([5, 10, 20, 40][i]!));
  });

  it('gives up at once on a 4xx that retrying cannot fix, and on a redirect', async () => {
    receiver.script = [400, 302];
    const webhooks = dispatcher();
    webhooks.publish('access.requested', {});
    webhooks.publish('access.approved', {});
    await webhooks.idle();
    expect(receiver.received).toHaveLength(2);
    const attempts = await log();
    // Both go out at once: compare without order.
    expect(attempts.map((a) => [a.attempt, a.outcome, a.httpStatus, a.nextAttemptAt]).sort()).toEqual([
      [1, 'failed', 302, null],
      [1, 'failed', 400, null],
    ]);
  });

  it('gives up after the configured number of attempts', async () => {
    receiver.script = [500];
    const webhooks = dispatcher({ maxAttempts: 3 });
    webhooks.publish('access.requested', {});
    await webhooks.idle();
    const attempts = await log();
    expect(attempts.map((a) => a.outcome)).toEqual(['retrying', 'retrying', 'failed']);
    expect(attempts[2]!.error).toBe('HTTP 500 Internal Server Error (gave up after 3 attempts)');
  });

  it('times out a subscriber that does not answer, and retries a refused connection', async () => {
    receiver.script = ['hang', 200];
    const webhooks = dispatcher({ timeoutMs: 100 });
    webhooks.publish('access.requested', {});
    await webhooks.idle();
    const attempts = await log();
    expect(attempts.map((a) => [a.outcome, a.httpStatus, a.error])).toEqual([
      ['retrying', null, 'no answer within 100 ms'],
      ['delivered', 200, null],
    ]);
    expect(attempts[0]!.durationMs).toBeGreaterThanOrEqual(90);

    const refused = dispatcher({
      subscriptions: [subscription({ id: 'gone', url: `http://127.0.0.1:${await closedPort()}/hook` })],
      maxAttempts: 2,
    });
    refused.publish('access.requested', {});
    await refused.idle();
    const gone = (await store.listWebhookDeliveries({ subscriptionId: 'gone' })).items.toReversed();
    expect(gone.map((a) => [a.outcome, a.error])).toEqual([
      ['retrying', 'connection failed: ECONNREFUSED'],
      ['failed', 'connection failed: ECONNREFUSED (gave up after 2 attempts)'],
    ]);
  });

  it('honours Retry-After up to the maximum delay', async () => {
    receiver.script = [429, 200];
    receiver.headers = { 'retry-after': '1' };
    const webhooks = dispatcher({ baseDelayMs: 1, maxDelayMs: 300, random: () => 0 });
    webhooks.publish('access.requested', {});
    await webhooks.idle();
    const [first] = await log();
    expect(Date.parse(first!.nextAttemptAt!) - Date.parse(first!.attemptedAt)).toBeGreaterThanOrEqual(300);
    expect(Date.parse(first!.nextAttemptAt!) - Date.parse(first!.attemptedAt)).toBeLessThan(1000);
  });

  it('sends each subscriber only the event types it subscribed to', async () => {
    const webhooks = dispatcher({
      subscriptions: [
        subscription({ id: 'access', events: ['access.*'] }),
        subscription({ id: 'approvals', events: ['access.approved'] }),
        subscription({ id: 'everything', events: ['*'] }),
      ],
    });
    webhooks.publish('access.approved', {});
    webhooks.publish('access.requested', {});
    webhooks.publish('run.failed', {});
    webhooks.publish('accessory.sold', {});
    await webhooks.idle();
    const attempts = await log();
    const by = (id: string) => attempts.filter((a) => a.subscriptionId === id).map((a) => a.eventType);
    expect(by('access')).toEqual(['access.approved', 'access.requested']);
    expect(by('approvals')).toEqual(['access.approved']);
    expect(by('everything')).toEqual(['access.approved', 'access.requested', 'run.failed', 'accessory.sold']);
  });

  it('leaves pending retries in the log on close, and another dispatcher resumes them once overdue', async () => {
    receiver.script = [503, 200];
    const first = dispatcher({ baseDelayMs: 60_000, maxDelayMs: 60_000 });
    first.publish('access.revoked', { id: 1 });
    await first.flush();
    await first.close();
    const [logged] = await log();
    expect(logged).toMatchObject({ attempt: 1, outcome: 'retrying' });

    let now = new Date();
    const second = dispatcher({ now: () => now, resumeGraceMs: 5_000 });
    expect(await second.resumeDue()).toBe(0); // not due yet: its owner may still be alive
    now = new Date(Date.parse(logged!.nextAttemptAt!) + 5_000);
    expect(await second.resumeDue()).toBe(1);
    expect(await second.resumeDue()).toBe(0); // already in hand
    await second.idle();
    expect(receiver.received).toHaveLength(2);
    expect(receiver.received[1]!.body).toBe(receiver.received[0]!.body);
    expect(receiver.received[1]!.headers['x-meshwork-delivery']).toBe(logged!.deliveryId);
    expect(receiver.received[1]!.signed).toBe(true);
    expect((await log()).map((a) => [a.attempt, a.outcome])).toEqual([
      [1, 'retrying'],
      [2, 'delivered'],
    ]);

    // A retry for a subscription no longer configured is closed as failed, not retried forever.
    const third = dispatcher({ subscriptions: [], now: () => now, resumeGraceMs: 0 });
    await store.recordWebhookDelivery({ ...logged!, deliveryId: '11111111-1111-4111-8111-111111111111' });
    expect(await third.resumeDue()).toBe(0);
    const closed = (await store.listWebhookDeliveries({ deliveryId: '11111111-1111-4111-8111-111111111111' })).items;
    expect(closed[0]).toMatchObject({ attempt: 2, outcome: 'failed' });
  });

  it('never blocks the publisher, even with a hanging subscriber and a full queue', async () => {
    receiver.script = ['hang'];
    const webhooks = dispatcher({ timeoutMs: 200, maxAttempts: 1, concurrency: 1 });
    // publish returns the queued event itself, synchronously, while the subscriber hangs: no
    // promise the caller could be made to wait on (asserted by type, not by timing).
    const events = Array.from({ length: 20 }, (_, i) => webhooks.publish('access.requested', { i }));
    for (const event of events) {
      expect(event).not.toBeInstanceOf(Promise);
      expect(event).toMatchObject({ type: 'access.requested' });
    }
    expect((await log()).filter((row) => row.outcome === 'delivered')).toEqual([]);
    await webhooks.close();
    expect((await log()).length).toBe(20);
  });
});
