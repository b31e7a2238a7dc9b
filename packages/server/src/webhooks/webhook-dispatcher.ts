/**
 * Delivers events to webhook subscribers: POST `{id, type, occurredAt, data}` as JSON, signed
 * with the subscription's secret, with a timeout; retried with backoff and jitter (see
 * webhook-retry-policy.ts); every attempt appended to the delivery log in the metadata store.
 *
 * `publish` only queues (in memory) and returns: a slow or broken subscriber never slows down
 * or fails the request that produced the event. Delivery is at least once: a retry is logged as
 * `retrying` with its due time and body, so `resumeDue` — in another process, or after a restart
 * — picks up retries that nobody attempted in time. Receivers deduplicate by
 * `X-Meshwork-Delivery`. Secrets are never logged, stored or put in an error message; URLs are
 * not logged either (they may carry a token in their query).
 *
 * @example
 * const webhooks = createWebhookDispatcher({ store, subscriptions: webhookSubscriptions(config.webhooks) });
 * webhooks.publish('access.approved', { agreement });
 * await webhooks.close();
 */
import { randomUUID } from 'node:crypto';
import type { JsonValue } from '../metadata/canonical-json.js';
import type { MetadataStore } from '../metadata/metadata-store.js';
import type { WebhookDeliveryInput, WebhookDeliveryRecord } from '../metadata/webhook-delivery-types.js';
import { parseRetryAfter, retryDelayMs, verdictForStatus, type RetryPolicy } from './webhook-retry-policy.js';
import { signWebhookBody } from './webhook-signature.js';
import { subscribesTo } from './webhook-subscriptions.js';
import type { EventPublisher, WebhookEvent, WebhookSubscription } from './webhook-types.js';

export type WebhookLog = (message: string, fields: Record<string, string | number | null>) => void;

export interface WebhookDispatcherOptions {
  readonly subscriptions: readonly WebhookSubscription[];
  readonly store: Pick<MetadataStore, 'recordWebhookDelivery' | 'listDueWebhookRetries'>;
  /** Attempts in all (default 8). */
  readonly maxAttempts?: number;
  /** First retry after about this long (default 1 s), doubling up to `maxDelayMs` (default 10 min). */
  readonly baseDelayMs?: number;
  readonly maxDelayMs?: number;
  /** Per attempt, connection and answer included (default 10 s). */
  readonly timeoutMs?: number;
  /** Attempts in flight at once, over all subscribers (default 4). */
  readonly concurrency?: number;
  /** How overdue a logged retry must be before `resumeDue` takes it from whoever scheduled it (default 30 s). */
  readonly resumeGraceMs?: number;
  /**
   * Several servers on one store: asked before each retry attempt, which the scheduling process
   * and any server resuming overdue retries may both be about to send; only an attempt claimed
   * here is sent (false: another server has it). Without it, every attempt is sent.
   */
  readonly claimRetry?: (deliveryId: string, attempt: number) => Promise<boolean>;
  readonly now?: () => Date;
  readonly random?: () => number;
  readonly log?: WebhookLog;
}

export interface WebhookDispatcher extends EventPublisher {
  readonly subscriptions: readonly WebhookSubscription[];
  /** Takes over logged retries that are overdue (left by a stopped process or a CLI); returns how many. */
  resumeDue(): Promise<number>;
  /** Resolves once nothing is queued, in flight or waiting for a retry. */
  idle(): Promise<void>;
  /** Deliveries queued, in flight or waiting for a retry in this process now (metrics). */
  pending(): number;
  /** Resolves once the attempts queued or in flight now are done (retries stay scheduled and logged). */
  flush(): Promise<void>;
  /** Stops retry timers and waits for attempts in flight; scheduled retries stay in the log for `resumeDue`. */
  close(): Promise<void>;
}

interface Job {
  readonly deliveryId: string;
  readonly attempt: number;
  readonly subscription: WebhookSubscription;
  readonly eventId: string;
  readonly eventType: string;
  readonly body: string;
}

interface AttemptResult {
  readonly httpStatus: number | null;
  readonly error: string | null;
  readonly retryAfterMs?: number;
  readonly retryable: boolean;
  readonly delivered: boolean;
}

export function createWebhookDispatcher(options: WebhookDispatcherOptions): WebhookDispatcher {
  return new QueueingDispatcher(options);
}

class QueueingDispatcher implements WebhookDispatcher {
  readonly subscriptions: readonly WebhookSubscription[];
  readonly #store: WebhookDispatcherOptions['store'];
  readonly #policy: RetryPolicy;
  readonly #timeoutMs: number;
  readonly #concurrency: number;
  readonly #graceMs: number;
  readonly #now: () => Date;
  readonly #random: () => number;
  readonly #log: WebhookLog;
  readonly #claimRetry: WebhookDispatcherOptions['claimRetry'];
  readonly #ready: Job[] = [];
  readonly #running = new Set<Promise<void>>();
  readonly #timers = new Map<NodeJS.Timeout, string>();
  /** Deliveries this dispatcher is handling (queued, in flight or waiting), so resumeDue skips them. */
  readonly #mine = new Set<string>();
  #waiters: (() => void)[] = [];
  #closed = false;

  constructor(options: WebhookDispatcherOptions) {
    this.subscriptions = options.subscriptions;
    this.#store = options.store;
    this.#policy = {
      maxAttempts: positive(options.maxAttempts, 8),
      baseDelayMs: positive(options.baseDelayMs, 1000),
      maxDelayMs: positive(options.maxDelayMs, 600_000),
    };
    this.#timeoutMs = positive(options.timeoutMs, 10_000);
    this.#concurrency = positive(options.concurrency, 4);
    this.#graceMs = options.resumeGraceMs ?? 30_000;
    this.#now = options.now ?? (() => new Date());
    this.#random = options.random ?? Math.random;
    this.#log = options.log ?? (() => undefined);
    this.#claimRetry = options.claimRetry;
  }

  publish(type: string, data: JsonValue): WebhookEvent {
    const event: WebhookEvent = { id: randomUUID(), type, occurredAt: this.#now().toISOString(), data };
    if (this.#closed) return event;
    const body = JSON.stringify({ id: event.id, type: event.type, occurredAt: event.occurredAt, data: event.data });
    for (const subscription of this.subscriptions) {
      if (!subscribesTo(subscription, type)) continue;
      this.#enqueue({ deliveryId: randomUUID(), attempt: 1, subscription, eventId: event.id, eventType: type, body });
    }
    return event;
  }

  async resumeDue(): Promise<number> {
    if (this.#closed) return 0;
    const dueBefore = new Date(this.#now().getTime() - this.#graceMs);
    const due = await this.#store.listDueWebhookRetries({ dueBefore, limit: 1000 });
    let resumed = 0;
    for (const record of due) {
      if (this.#mine.has(record.deliveryId)) continue;
      const subscription = this.subscriptions.find((s) => s.id === record.subscriptionId);
      if (!subscription) {
        await this.#giveUpRemoved(record);
        continue;
      }
      this.#enqueue({
        deliveryId: record.deliveryId,
        attempt: record.attempt + 1,
        subscription,
        eventId: record.eventId,
        eventType: record.eventType,
        body: record.body,
      });
      resumed++;
    }
    return resumed;
  }

  pending(): number {
    return this.#mine.size;
  }

  idle(): Promise<void> {
    if (this.#isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.#waiters.push(resolve));
  }

  async flush(): Promise<void> {
    this.#pump();
    while (this.#running.size > 0) await Promise.race(this.#running);
  }

  async close(): Promise<void> {
    this.#closed = true;
    for (const timer of this.#timers.keys()) clearTimeout(timer);
    this.#timers.clear();
    // Queued first attempts are not dropped: they finish like in-flight ones (each is bounded by the timeout).
    await this.flush();
    this.#notifyIdle();
  }

  #enqueue(job: Job): void {
    this.#mine.add(job.deliveryId);
    this.#ready.push(job);
    this.#pump();
  }

  #pump(): void {
    while (this.#running.size < this.#concurrency && this.#ready.length > 0) {
      const job = this.#ready.shift()!;
      const run: Promise<void> = this.#deliver(job)
        .catch((error: unknown) =>
          this.#log('webhook delivery failed unexpectedly', { ...fields(job), error: String(error) }),
        )
        .finally(() => {
          this.#running.delete(run);
          this.#pump();
          this.#notifyIdle();
        });
      this.#running.add(run);
    }
  }

  async #deliver(job: Job): Promise<void> {
    if (job.attempt > 1 && this.#claimRetry && !(await this.#claimedRetry(job))) {
      this.#mine.delete(job.deliveryId);
      return;
    }
    const started = performance.now();
    const attemptedAt = this.#now();
    const result = await this.#post(job);
    const durationMs = performance.now() - started;
    const last = job.attempt >= this.#policy.maxAttempts;
    const retry = !result.delivered && result.retryable && !last;
    const delay = retry ? retryDelayMs(this.#policy, job.attempt, this.#random, result.retryAfterMs) : 0;
    const nextAttemptAt = retry ? new Date(attemptedAt.getTime() + durationMs + delay) : null;
    const outcome = result.delivered ? 'delivered' : retry ? 'retrying' : 'failed';
    const gaveUp =
      !result.delivered && !retry && result.retryable && last ? ` (gave up after ${job.attempt} attempts)` : '';
    const error = result.error === null ? null : scrub(result.error + gaveUp, job.subscription.secret);
    const entry: WebhookDeliveryInput = {
      deliveryId: job.deliveryId,
      attempt: job.attempt,
      subscriptionId: job.subscription.id,
      eventId: job.eventId,
      eventType: job.eventType,
      outcome,
      httpStatus: result.httpStatus,
      error,
      durationMs: Math.round(durationMs),
      nextAttemptAt,
      body: job.body,
      attemptedAt,
    };
    try {
      await this.#store.recordWebhookDelivery(entry);
    } catch (recordError) {
      // The attempt happened either way; losing its log line must not stop the retry.
      this.#log('webhook delivery log write failed', { ...fields(job), error: String(recordError) });
    }
    this.#log(`webhook ${outcome}`, { ...fields(job), httpStatus: result.httpStatus, error });
    // Once closed, a retry stays in the log only, for `resumeDue` in this or another process.
    if (retry && !this.#closed) this.#schedule({ ...job, attempt: job.attempt + 1 }, delay);
    else this.#mine.delete(job.deliveryId);
  }

  async #post(job: Job): Promise<AttemptResult> {
    try {
      const response = await fetch(job.subscription.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Meshwork-Webhooks/0.1',
          'x-meshwork-event': job.eventType,
          'x-meshwork-delivery': job.deliveryId,
          'x-meshwork-signature': signWebhookBody(job.subscription.secret, job.body),
        },
        body: job.body,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.#timeoutMs),
      });
      // Drain the answer so the connection can be reused; its content is not needed.
      await response.arrayBuffer().catch(() => undefined);
      const verdict = verdictForStatus(response.status);
      return {
        httpStatus: response.status,
        delivered: verdict === 'delivered',
        retryable: verdict === 'retry',
        error: verdict === 'delivered' ? null : `HTTP ${response.status} ${response.statusText}`.trim(),
        retryAfterMs: parseRetryAfter(response.headers.get('retry-after'), this.#now()),
      };
    } catch (error) {
      return { httpStatus: null, delivered: false, retryable: true, error: networkError(error, this.#timeoutMs) };
    }
  }

  /** A retry nobody else sends: claimed here. Unclaimable (store down) is left in the log for `resumeDue`. */
  async #claimedRetry(job: Job): Promise<boolean> {
    try {
      if (await this.#claimRetry!(job.deliveryId, job.attempt)) return true;
      this.#log('webhook retry sent by another server', fields(job));
    } catch (error) {
      this.#log('webhook retry not claimed; left for a later resume', { ...fields(job), error: String(error) });
    }
    return false;
  }

  #schedule(job: Job, delayMs: number): void {
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      this.#ready.push(job);
      this.#pump();
    }, delayMs);
    // A pending retry must not keep a CLI or a stopping server alive; it is in the log.
    timer.unref();
    this.#timers.set(timer, job.deliveryId);
  }

  async #giveUpRemoved(record: WebhookDeliveryRecord): Promise<void> {
    await this.#store
      .recordWebhookDelivery({
        deliveryId: record.deliveryId,
        attempt: record.attempt + 1,
        subscriptionId: record.subscriptionId,
        eventId: record.eventId,
        eventType: record.eventType,
        outcome: 'failed',
        httpStatus: null,
        error: 'the subscription is no longer configured in mesh.yaml',
        durationMs: 0,
        nextAttemptAt: null,
        body: record.body,
      })
      // Another server recorded it first: nothing left to do.
      .catch(() => undefined);
  }

  #isIdle(): boolean {
    return this.#ready.length === 0 && this.#running.size === 0 && this.#timers.size === 0;
  }

  #notifyIdle(): void {
    if (!this.#isIdle() && !this.#closed) return;
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const resolve of waiters) resolve();
  }
}

function positive(value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value <= 0)
    throw new Error(`webhook dispatcher option must be positive; got ${value}`);
  return value;
}

function fields(job: Job): Record<string, string | number> {
  return {
    subscription: job.subscription.id,
    delivery: job.deliveryId,
    event: job.eventType,
    attempt: job.attempt,
  };
}

/** A network failure in words, from the error's cause (fetch wraps the socket error). */
function networkError(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return `no answer within ${timeoutMs} ms`;
  }
  const cause = error instanceof Error ? (error.cause as { code?: unknown; message?: unknown } | undefined) : undefined;
  if (cause && typeof cause.code === 'string') return `connection failed: ${cause.code}`;
  if (cause && typeof cause.message === 'string') return `connection failed: ${cause.message}`;
  return `connection failed: ${error instanceof Error ? error.message : String(error)}`;
}

function scrub(text: string, secret: string): string {
  return secret === '' ? text : text.split(secret).join('***');
}
