/**
 * The usage recorder: the gateway's `onUsage` hands each finished query to `record`, which only
 * appends to an in-memory buffer — a query never waits for the store. The buffer is written in
 * batches every `flushIntervalMs` (1 s), as soon as `batchSize` (200) entries wait, and on close.
 *
 * Usage is best-effort metering, not the audit log: a batch the store refuses is retried once
 * (same row ids, so a write whose acknowledgement was lost is not counted twice), then dropped and
 * counted (MW5303); a full buffer (the store down for long) drops new entries the same way.
 * A crash loses at most the buffer. Log lines name codes and counts only — never SQL text.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { isMeshworkError } from '@meshwork/core';
import type { QueryUsage } from '../gateway/query-gateway.js';
import type { MetadataStore } from '../metadata/metadata-store.js';
import type { QueryUsageInput } from '../metadata/usage-types.js';
import { usageEntries, type AgreementFacts } from './usage-entries.js';

export type UsageLog = (message: string, fields: Record<string, string | number | null>) => void;

export interface UsageRecorderOptions {
  readonly store: Pick<MetadataStore, 'recordQueryUsage' | 'getAgreement'>;
  readonly log?: UsageLog;
  /** How long an entry waits at most before it is written (default 1000 ms). */
  readonly flushIntervalMs?: number;
  /** Entries per write; a full batch is written at once (default 200). */
  readonly batchSize?: number;
  /** Entries buffered at most while writes fail; later ones are dropped (default 10,000). */
  readonly maxPending?: number;
  /** Pause before the one retry of a failed batch (default 250 ms). */
  readonly retryDelayMs?: number;
}

export interface UsageRecorderStats {
  /** Queries whose usage was written. */
  readonly recorded: number;
  /** Queries whose usage was lost: refused twice, buffer full, or reported after close. */
  readonly dropped: number;
  /** Queries that read no product (nothing to meter). */
  readonly skipped: number;
  readonly pending: number;
}

export interface UsageRecorder {
  /** The gateway's `onUsage`; bound, never throws, never waits. */
  readonly record: (usage: QueryUsage) => void;
  /** Writes everything buffered so far; resolves when it is written or dropped (never rejects). */
  flush(): Promise<void>;
  /** Stops accepting entries and writes what is buffered. */
  close(): Promise<void>;
  stats(): UsageRecorderStats;
}

export function createUsageRecorder(options: UsageRecorderOptions): UsageRecorder {
  return new BufferedUsageRecorder(options);
}

const AGREEMENT_CACHE = 1000;

class BufferedUsageRecorder implements UsageRecorder {
  readonly #store: UsageRecorderOptions['store'];
  readonly #log: UsageLog;
  readonly #interval: number;
  readonly #batchSize: number;
  readonly #maxPending: number;
  readonly #retryDelay: number;
  readonly #agreements = new Map<string, AgreementFacts>();
  #pending: QueryUsage[] = [];
  #timer: NodeJS.Timeout | undefined;
  /** The drain running now, and the one queued behind it (at most one: it takes everything). */
  #tail: Promise<void> = Promise.resolve();
  #queued: Promise<void> | undefined;
  #closing: Promise<void> | undefined;
  #overflowing = false;
  #recorded = 0;
  #dropped = 0;
  #skipped = 0;

  constructor(options: UsageRecorderOptions) {
    this.#store = options.store;
    this.#log = options.log ?? (() => undefined);
    this.#interval = options.flushIntervalMs ?? 1000;
    this.#batchSize = Math.max(1, options.batchSize ?? 200);
    this.#maxPending = Math.max(this.#batchSize, options.maxPending ?? 10_000);
    this.#retryDelay = options.retryDelayMs ?? 250;
  }

  readonly record = (usage: QueryUsage): void => {
    if (usage.products.length === 0) {
      this.#skipped += 1;
      return;
    }
    if (this.#closing) {
      this.#drop(1, 'reported after close');
      return;
    }
    if (this.#pending.length >= this.#maxPending) {
      // Logged once per overflow, not once per query.
      if (!this.#overflowing) this.#drop(1, 'buffer full');
      else this.#dropped += 1;
      this.#overflowing = true;
      return;
    }
    this.#pending.push(usage);
    if (this.#pending.length >= this.#batchSize) void this.flush();
    else this.#timer ??= setTimeout(() => void this.flush(), this.#interval).unref();
  };

  flush(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.#queued) return this.#queued;
    const queued = this.#tail.then(() => {
      this.#queued = undefined;
      return this.#drain();
    });
    this.#queued = queued;
    this.#tail = queued;
    return queued;
  }

  close(): Promise<void> {
    this.#closing ??= this.flush();
    return this.#closing;
  }

  stats(): UsageRecorderStats {
    return { recorded: this.#recorded, dropped: this.#dropped, skipped: this.#skipped, pending: this.#pending.length };
  }

  async #drain(): Promise<void> {
    while (this.#pending.length > 0) {
      const batch = this.#pending.splice(0, this.#batchSize);
      await this.#write(batch);
    }
  }

  /** One write and one retry; entries are built once, so the retry reuses their ids. */
  async #write(batch: readonly QueryUsage[]): Promise<void> {
    let entries: QueryUsageInput[] | undefined;
    for (let attempt = 1; attempt <= 2; attempt++) {
      try {
        entries ??= await this.#entries(batch);
        await this.#store.recordQueryUsage(entries);
        this.#recorded += batch.length;
        this.#overflowing = false;
        return;
      } catch (error) {
        this.#log('usage write failed', { ...describeError(error), queries: batch.length, attempt });
        if (attempt === 1) await sleep(this.#retryDelay);
      }
    }
    this.#drop(batch.length, 'write failed twice');
  }

  async #entries(batch: readonly QueryUsage[]): Promise<QueryUsageInput[]> {
    const entries: QueryUsageInput[] = [];
    for (const usage of batch) entries.push(...(await usageEntries(usage, (id) => this.#agreement(id))));
    return entries;
  }

  async #agreement(id: string): Promise<AgreementFacts | undefined> {
    const cached = this.#agreements.get(id);
    if (cached) return cached;
    const found = await this.#store.getAgreement(id);
    if (!found) return undefined;
    const facts = { productId: found.productId, purpose: found.purpose };
    // Bounded: the oldest entry goes first (Maps iterate in insertion order).
    if (this.#agreements.size >= AGREEMENT_CACHE) this.#agreements.delete(this.#agreements.keys().next().value!);
    this.#agreements.set(id, facts);
    return facts;
  }

  #drop(count: number, reason: string): void {
    this.#dropped += count;
    this.#log('usage entries dropped', { code: 'MW5303', reason, queries: count, droppedTotal: this.#dropped });
  }
}

/** A store error as log fields: its code and kind, or only its class — driver messages may quote SQL. */
function describeError(error: unknown): Record<string, string> {
  if (isMeshworkError(error)) return { code: error.code, kind: error.kind };
  return { error: error instanceof Error ? error.name : typeof error };
}
