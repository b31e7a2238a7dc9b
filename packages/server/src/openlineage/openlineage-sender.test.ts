/**
 * The sender against a real local HTTP receiver: what is posted, ordering per run, retries on
 * 5xx and network failures, giving up on other answers, the bounded queue, flush and close —
 * and that log lines never carry the endpoint URL or the key.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createOpenLineageSender, type OpenLineageSenderOptions } from './openlineage-sender.js';
import { startLineageReceiver, unusedUrl, type LineageReceiver } from './test-support/lineage-receiver.js';

const KEY = 'ol-test-key-do-not-log';
const receivers: LineageReceiver[] = [];
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((r) => r.close()));
});

async function receiver(...args: Parameters<typeof startLineageReceiver>): Promise<LineageReceiver> {
  const started = await startLineageReceiver(...args);
  receivers.push(started);
  return started;
}

function sender(url: string, options: Partial<OpenLineageSenderOptions> = {}) {
  const lines: { message: string; fields: Record<string, unknown> }[] = [];
  const created = createOpenLineageSender({
    endpointUrl: `${url}/api/v1/lineage?token=in-the-query`,
    apiKey: KEY,
    timeoutMs: 10_000,
    baseDelayMs: 1,
    maxDelayMs: 5,
    log: (message, fields) => lines.push({ message, fields }),
    ...options,
  });
  return { sender: created, lines };
}

const event = (n: number) => () => ({ eventType: 'OTHER', n });

describe('OpenLineage sender', () => {
  it('posts JSON with the bearer key, and keeps one key’s events in order across retries', async () => {
    const ol = await receiver((n) => (n === 0 ? 503 : 200));
    const { sender: s } = sender(ol.url);
    expect(s.send({ key: 'run-1', label: 'first', event: event(1) })).toBe(true);
    expect(s.send({ key: 'run-1', label: 'second', event: event(2) })).toBe(true);
    expect(await s.flush(30_000)).toBe(0);
    expect(ol.requests.map((r) => r.body.n)).toEqual([1, 1, 2]);
    expect(ol.requests[0]).toMatchObject({
      path: '/api/v1/lineage?token=in-the-query',
      headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
    });
    expect(s.stats()).toEqual({ delivered: 2, failed: 0, dropped: 0, pending: 0 });
  });

  it('sends no authorization header without a key', async () => {
    const ol = await receiver();
    const { sender: s } = sender(ol.url, { apiKey: undefined });
    s.send({ key: 'k', label: 'e', event: event(1) });
    await s.flush(30_000);
    expect(ol.requests[0]!.headers).not.toHaveProperty('authorization');
  });

  it('gives up at once on an answer that retrying will not change, and logs it without URL or key', async () => {
    const ol = await receiver(() => 400);
    const { sender: s, lines } = sender(ol.url);
    s.send({ key: 'k', label: 'START sales.orders', event: event(1) });
    await s.flush(30_000);
    expect(ol.requests).toHaveLength(1);
    expect(s.stats()).toMatchObject({ delivered: 0, failed: 1 });
    expect(lines).toContainEqual({
      message: 'OpenLineage event not delivered',
      fields: expect.objectContaining({
        code: 'MW8855',
        event: 'START sales.orders',
        httpStatus: 400,
        error: 'HTTP 400',
      }),
    });
    const logged = JSON.stringify(lines);
    expect(logged).not.toContain(KEY);
    expect(logged).not.toContain('in-the-query');
    expect(logged).not.toContain(ol.url);
  });

  it('retries a receiver that is down, then gives up after the last attempt', async () => {
    const url = await unusedUrl();
    const { sender: s, lines } = sender(url, { maxAttempts: 3 });
    s.send({ key: 'k', label: 'COMPLETE sales.orders', event: event(1) });
    expect(await s.flush(30_000)).toBe(0);
    expect(s.stats()).toMatchObject({ delivered: 0, failed: 1 });
    expect(lines.filter((l) => l.message === 'OpenLineage event will be retried')).toHaveLength(2);
    expect(lines.at(-1)).toMatchObject({
      message: 'OpenLineage event not delivered',
      fields: { attempts: 3, error: 'connection failed: ECONNREFUSED (gave up after 3 attempts)' },
    });
    expect(JSON.stringify(lines)).not.toContain(url);
  });

  it('drops what does not fit in the queue instead of waiting, and flush reports what is still pending', async () => {
    const ol = await receiver(() => 'hold');
    const { sender: s, lines } = sender(ol.url, { maxQueued: 2 });
    expect(s.send({ key: 'a', label: 'a', event: event(1) })).toBe(true);
    expect(s.send({ key: 'b', label: 'b', event: event(2) })).toBe(true);
    expect(s.send({ key: 'c', label: 'c', event: event(3) })).toBe(false);
    await ol.received(2);
    expect(await s.flush(10)).toBe(2);
    expect(lines).toContainEqual({
      message: 'OpenLineage event dropped',
      fields: { code: 'MW8855', event: 'c', reason: 'more than 2 events are waiting' },
    });
    ol.release(200);
    expect(await s.flush(30_000)).toBe(0);
    expect(s.stats()).toEqual({ delivered: 2, failed: 0, dropped: 1, pending: 0 });
  });

  it('close abandons what the receiver does not take in time, and refuses new events', async () => {
    const ol = await receiver(() => 'hold');
    const { sender: s, lines } = sender(ol.url);
    s.send({ key: 'a', label: 'START sales.orders', event: event(1) });
    await ol.received(1);
    await s.close(10);
    expect(lines).toContainEqual({
      message: 'OpenLineage events abandoned at shutdown',
      fields: { code: 'MW8855', count: 1 },
    });
    expect(await s.flush(30_000)).toBe(0);
    expect(s.stats()).toMatchObject({ delivered: 0, failed: 1 });
    expect(s.send({ key: 'b', label: 'late', event: event(2) })).toBe(false);
  });

  it('an event that cannot be built is logged and the next one of the same key still goes', async () => {
    const ol = await receiver();
    const { sender: s, lines } = sender(ol.url);
    s.send({
      key: 'k',
      label: 'broken',
      event: () => {
        throw new Error('no such step file');
      },
    });
    s.send({ key: 'k', label: 'fine', event: event(2) });
    await s.flush(30_000);
    expect(ol.requests.map((r) => r.body.n)).toEqual([2]);
    expect(lines).toContainEqual({
      message: 'OpenLineage event could not be built',
      fields: { code: 'MW8855', event: 'broken', error: 'Error: no such step file' },
    });
  });
});
