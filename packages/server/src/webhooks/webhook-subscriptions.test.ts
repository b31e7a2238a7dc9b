import { describe, expect, it } from 'vitest';
import { parseRetryAfter, retryDelayMs, verdictForStatus } from './webhook-retry-policy.js';
import { signWebhookBody, verifyWebhookSignature } from './webhook-signature.js';
import { subscribesTo, webhookSubscriptions } from './webhook-subscriptions.js';

const SECRET = 'sixteen-chars-secret';
const valid = { id: 'ops', url: 'https://hooks.example.com/meshwork', events: ['access.*'], secret: SECRET };

describe('webhook subscriptions', () => {
  it('accepts valid subscriptions and matches exact types, prefix.* and *', () => {
    const [sub] = webhookSubscriptions([valid]);
    expect(sub).toEqual(valid);
    expect(subscribesTo(sub!, 'access.approved')).toBe(true);
    expect(subscribesTo(sub!, 'accessory.sold')).toBe(false);
    expect(subscribesTo({ ...sub!, events: ['*'] }, 'run.failed')).toBe(true);
    expect(subscribesTo({ ...sub!, events: ['run.failed'] }, 'run.failed')).toBe(true);
    expect(subscribesTo({ ...sub!, events: ['run.failed'] }, 'run.failed.again')).toBe(false);
  });

  it('refuses duplicates, bad URLs, credentials in URLs, bad patterns and short secrets — without echoing secrets', () => {
    const bad = [
      [valid, { ...valid, url: 'https://other.example.com' }],
      [{ ...valid, url: 'ftp://example.com' }],
      [{ ...valid, url: 'not a url' }],
      [{ ...valid, url: 'https://user:hunter2hunter2@example.com/' }],
      [{ ...valid, events: [] }],
      [{ ...valid, events: ['Access.Approved'] }],
      [{ ...valid, events: ['access.*.x'] }],
      [{ ...valid, secret: '' }],
      [{ ...valid, secret: 'short' }],
    ];
    for (const configs of bad) {
      let error: unknown;
      try {
        webhookSubscriptions(configs);
      } catch (e) {
        error = e;
      }
      expect(error, JSON.stringify(configs)).toMatchObject({ code: 'MW8750', kind: 'input' });
      expect((error as Error).message).not.toContain('hunter2');
      expect((error as Error).message).not.toContain(SECRET);
    }
  });
});

describe('retry policy and signature', () => {
  it('delivers on 2xx, retries 408/429/5xx, gives up on other answers', () => {
    expect([200, 204, 299].map(verdictForStatus)).toEqual(['delivered', 'delivered', 'delivered']);
    expect([408, 429, 500, 503].map(verdictForStatus)).toEqual(['retry', 'retry', 'retry', 'retry']);
    expect([301, 400, 401, 404, 410].map(verdictForStatus)).toEqual(Array(5).fill('give-up'));
  });

  it('backs off exponentially with jitter between half and all of the step, capped', () => {
    const policy = { maxAttempts: 8, baseDelayMs: 1000, maxDelayMs: 10_000 };
    expect([1, 2, 3, 4, 5].map((n) => retryDelayMs(policy, n, () => 1))).toEqual([1000, 2000, 4000, 8000, 10_000]);
    expect([1, 2, 3].map((n) => retryDelayMs(policy, n, () => 0))).toEqual([500, 1000, 2000]);
    expect(retryDelayMs(policy, 1, () => 0, 7000)).toBe(7000);
    expect(retryDelayMs(policy, 1, () => 0, 60_000)).toBe(10_000);
    const now = new Date('2030-01-01T00:00:00Z');
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter('Tue, 01 Jan 2030 00:00:10 GMT', now)).toBe(10_000);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });

  it('signs the raw body and verifies in constant time', () => {
    const body = '{"id":"1"}';
    const header = signWebhookBody(SECRET, body);
    expect(header).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature(SECRET, body, header)).toBe(true);
    expect(verifyWebhookSignature(SECRET, `${body} `, header)).toBe(false);
    expect(verifyWebhookSignature('another-secret-value', body, header)).toBe(false);
    expect(verifyWebhookSignature(SECRET, body, undefined)).toBe(false);
    expect(verifyWebhookSignature(SECRET, body, header.slice(0, -1))).toBe(false);
  });
});
