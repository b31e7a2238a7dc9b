/**
 * Sends OpenLineage events over HTTP (the OpenLineage HTTP transport): `POST` JSON to the
 * configured endpoint with `Authorization: Bearer <apiKey>` when a key is set, with a timeout,
 * retried with exponential backoff and jitter on network failures, 408, 429 and 5xx (the
 * webhook retry policy); any other answer gives up at once.
 *
 * `send` only queues and returns: a slow, failing or absent receiver never slows down or fails
 * a run. The queue is bounded — past `maxQueued` events waiting, new ones are dropped and
 * logged — and events with the same key (a run id) are sent in order, so a run's START reaches
 * the receiver before its COMPLETE. Failures are logged with code MW8855, without the URL (it
 * may carry a token) or the key. `flush(timeoutMs)` waits, at most that long, for the queue to
 * drain (CLI exit); `close` flushes and then abandons what is left.
 *
 * @example
 * const sender = createOpenLineageSender({ endpointUrl, apiKey, timeoutMs: 5000, log });
 * sender.send({ key: runId, label: 'START sales.orders', event: () => startEvent(...) });
 * await sender.close(2000);
 */
import { parseRetryAfter, retryDelayMs, verdictForStatus, type RetryPolicy } from '../webhooks/webhook-retry-policy.js';

export type OpenLineageLog = (message: string, fields: Record<string, string | number | null>) => void;

export interface OpenLineageSenderOptions {
  readonly endpointUrl: string;
  readonly apiKey?: string;
  /** Per attempt, connection and answer included. */
  readonly timeoutMs: number;
  /** Attempts in all, the first one included (default 5). */
  readonly maxAttempts?: number;
  /** First retry after about this long (default 1 s), doubling up to `maxDelayMs` (default 30 s). */
  readonly baseDelayMs?: number;
  readonly maxDelayMs?: number;
  /** Events queued, in flight or waiting for a retry, at most (default 1000); past it new events are dropped. */
  readonly maxQueued?: number;
  /** Requests in flight at once (default 4). */
  readonly concurrency?: number;
  readonly random?: () => number;
  readonly log?: OpenLineageLog;
}

export interface QueuedEvent {
  /** Events with the same key are sent one after the other, in the order queued. */
  readonly key: string;
  /** Names the event in log lines, e.g. `START sales.orders`. */
  readonly label: string;
  /** Builds the event when its turn comes (it may read files); a failure drops it, logged. */
  readonly event: () => unknown;
}

export interface OpenLineageSenderStats {
  readonly delivered: number;
  readonly failed: number;
  readonly dropped: number;
  /** Queued, in flight or waiting for a retry. */
  readonly pending: number;
}

export interface OpenLineageSender {
  /** Queues the event and returns at once; false when it was dropped (queue full, or closed). */
  send(item: QueuedEvent): boolean;
  /** Resolves with the number of events still pending once none are, or after `timeoutMs`. */
  flush(timeoutMs: number): Promise<number>;
  /** Flushes for at most `timeoutMs` (default 2 s), then abandons what is left (logged). */
  close(timeoutMs?: number): Promise<void>;
  stats(): OpenLineageSenderStats;
}

export function createOpenLineageSender(options: OpenLineageSenderOptions): OpenLineageSender {
  return new QueueingSender(options);
}

interface Attempt {
  readonly delivered: boolean;
  readonly retryable: boolean;
  readonly httpStatus: number | null;
  readonly error: string | null;
  readonly retryAfterMs?: number;
}

class QueueingSender implements OpenLineageSender {
  readonly #options: OpenLineageSenderOptions;
  readonly #policy: RetryPolicy;
  readonly #maxQueued: number;
  readonly #concurrency: number;
  readonly #log: OpenLineageLog;
  readonly #chains = new Map<string, Promise<void>>();
  readonly #slotWaiters: (() => void)[] = [];
  readonly #stop = new AbortController();
  #inFlight = 0;
  #pending = 0;
  #delivered = 0;
  #failed = 0;
  #dropped = 0;
  #idleWaiters: (() => void)[] = [];
  #closed = false;

  constructor(options: OpenLineageSenderOptions) {
    this.#options = options;
    this.#policy = {
      maxAttempts: positive(options.maxAttempts, 5),
      baseDelayMs: positive(options.baseDelayMs, 1000),
      maxDelayMs: positive(options.maxDelayMs, 30_000),
    };
    this.#maxQueued = positive(options.maxQueued, 1000);
    this.#concurrency = positive(options.concurrency, 4);
    this.#log = options.log ?? (() => undefined);
  }

  send(item: QueuedEvent): boolean {
    if (this.#closed || this.#pending >= this.#maxQueued) {
      this.#dropped++;
      this.#log('OpenLineage event dropped', {
        code: 'MW8855',
        event: item.label,
        reason: this.#closed ? 'the sender is closed' : `more than ${this.#maxQueued} events are waiting`,
      });
      return false;
    }
    this.#pending++;
    const previous = this.#chains.get(item.key) ?? Promise.resolve();
    const chained: Promise<void> = previous
      .then(() => this.#deliver(item))
      .catch((error: unknown) =>
        this.#log('OpenLineage delivery failed unexpectedly', {
          code: 'MW8855',
          event: item.label,
          error: String(error),
        }),
      )
      .finally(() => {
        if (this.#chains.get(item.key) === chained) this.#chains.delete(item.key);
        this.#pending--;
        if (this.#pending === 0) this.#notifyIdle();
      });
    this.#chains.set(item.key, chained);
    return true;
  }

  flush(timeoutMs: number): Promise<number> {
    if (this.#pending === 0) return Promise.resolve(0);
    return new Promise((resolve) => {
      // This timer is what keeps a CLI process alive while it waits: it is not unref'd.
      const deadline = setTimeout(() => finish(), timeoutMs);
      const finish = () => {
        clearTimeout(deadline);
        this.#idleWaiters = this.#idleWaiters.filter((w) => w !== finish);
        resolve(this.#pending);
      };
      this.#idleWaiters.push(finish);
    });
  }

  async close(timeoutMs = 2000): Promise<void> {
    const left = await this.flush(timeoutMs);
    this.#closed = true;
    this.#stop.abort();
    if (left > 0) this.#log('OpenLineage events abandoned at shutdown', { code: 'MW8855', count: left });
  }

  stats(): OpenLineageSenderStats {
    return { delivered: this.#delivered, failed: this.#failed, dropped: this.#dropped, pending: this.#pending };
  }

  async #deliver(item: QueuedEvent): Promise<void> {
    let body: string;
    try {
      body = JSON.stringify(await item.event());
    } catch (error) {
      this.#failed++;
      this.#log('OpenLineage event could not be built', { code: 'MW8855', event: item.label, error: String(error) });
      return;
    }
    for (let attempt = 1; ; attempt++) {
      if (this.#closed) return this.#giveUp(item, attempt - 1, 'the sender was closed');
      const result = await this.#withSlot(() => this.#post(body));
      if (result.delivered) {
        this.#delivered++;
        return;
      }
      const last = attempt >= this.#policy.maxAttempts;
      if (!result.retryable || last || this.#closed) {
        const why = !result.retryable ? '' : last ? ` (gave up after ${attempt} attempts)` : ' (closed)';
        return this.#giveUp(item, attempt, `${result.error ?? 'failed'}${why}`, result.httpStatus);
      }
      this.#log('OpenLineage event will be retried', {
        code: 'MW8855',
        event: item.label,
        attempt,
        httpStatus: result.httpStatus,
        error: result.error,
      });
      await this.#sleep(retryDelayMs(this.#policy, attempt, this.#options.random ?? Math.random, result.retryAfterMs));
    }
  }

  #giveUp(item: QueuedEvent, attempts: number, error: string, httpStatus: number | null = null): void {
    this.#failed++;
    this.#log('OpenLineage event not delivered', { code: 'MW8855', event: item.label, attempts, httpStatus, error });
  }

  async #post(body: string): Promise<Attempt> {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'user-agent': 'Meshwork-OpenLineage/0.1',
    };
    if (this.#options.apiKey !== undefined) headers.authorization = `Bearer ${this.#options.apiKey}`;
    try {
      const response = await fetch(this.#options.endpointUrl, {
        method: 'POST',
        headers,
        body,
        // A redirect would re-send the bearer key to another address.
        redirect: 'manual',
        signal: AbortSignal.any([AbortSignal.timeout(this.#options.timeoutMs), this.#stop.signal]),
      });
      // Drain the answer so the connection can be reused; its content is not needed.
      await response.arrayBuffer().catch(() => undefined);
      const verdict = verdictForStatus(response.status);
      return {
        delivered: verdict === 'delivered',
        retryable: verdict === 'retry',
        httpStatus: response.status,
        error: verdict === 'delivered' ? null : `HTTP ${response.status}`,
        retryAfterMs: parseRetryAfter(response.headers.get('retry-after'), new Date()),
      };
    } catch (error) {
      return { delivered: false, retryable: true, httpStatus: null, error: this.#networkError(error) };
    }
  }

  /** A network failure in words, from the error's cause code; never the URL or the key. */
  #networkError(error: unknown): string {
    if (this.#stop.signal.aborted) return 'abandoned at shutdown';
    if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
      return `no answer within ${this.#options.timeoutMs} ms`;
    }
    const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
    if (cause && typeof cause.code === 'string') return `connection failed: ${cause.code}`;
    return 'connection failed';
  }

  async #withSlot<T>(task: () => Promise<T>): Promise<T> {
    while (this.#inFlight >= this.#concurrency) await new Promise<void>((resolve) => this.#slotWaiters.push(resolve));
    this.#inFlight++;
    try {
      return await task();
    } finally {
      this.#inFlight--;
      this.#slotWaiters.shift()?.();
    }
  }

  /** Waits before a retry; the timer does not keep a process alive, and closing cuts the wait short. */
  #sleep(ms: number): Promise<void> {
    if (this.#stop.signal.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      timer.unref();
      const signal = this.#stop.signal;
      function done() {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        resolve();
      }
      signal.addEventListener('abort', done, { once: true });
    });
  }

  #notifyIdle(): void {
    const waiters = this.#idleWaiters;
    this.#idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}

function positive(value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value <= 0)
    throw new Error(`OpenLineage sender option must be positive; got ${value}`);
  return value;
}
