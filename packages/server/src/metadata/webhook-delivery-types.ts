/**
 * The webhook delivery log: one record per attempt to POST one event to one subscriber. It is
 * what an operator reads to see why a subscriber missed an event, and — because each attempt
 * that will be retried carries the body and when to retry — the durable queue a restarted
 * server resumes from. Never holds the signing secret (the signature is recomputed per attempt).
 */
import type { PageQuery } from './metadata-types.js';

/** `retrying`: failed, another attempt is due at `nextAttemptAt`; `failed`: given up. */
export type WebhookAttemptOutcome = 'delivered' | 'retrying' | 'failed';
export const WEBHOOK_ATTEMPT_OUTCOMES: readonly WebhookAttemptOutcome[] = ['delivered', 'retrying', 'failed'];

export interface WebhookDeliveryInput {
  /** One delivery is one event to one subscription; its attempts share this UUID. */
  readonly deliveryId: string;
  /** 1, 2, 3… */
  readonly attempt: number;
  readonly subscriptionId: string;
  readonly eventId: string;
  readonly eventType: string;
  readonly outcome: WebhookAttemptOutcome;
  /** The HTTP status answered, or null when there was no answer (timeout, refused). */
  readonly httpStatus: number | null;
  /** Why the attempt failed, without secrets; null when delivered. */
  readonly error: string | null;
  readonly durationMs: number;
  /** Required exactly when the outcome is `retrying`. */
  readonly nextAttemptAt: string | Date | null;
  /** The exact JSON text posted. */
  readonly body: string;
  /** Defaults to the store's clock. */
  readonly attemptedAt?: string | Date;
}

export interface WebhookDeliveryRecord {
  readonly deliveryId: string;
  readonly attempt: number;
  readonly subscriptionId: string;
  readonly eventId: string;
  readonly eventType: string;
  readonly outcome: WebhookAttemptOutcome;
  readonly httpStatus: number | null;
  readonly error: string | null;
  readonly durationMs: number;
  readonly nextAttemptAt: string | null;
  readonly body: string;
  readonly attemptedAt: string;
}

/** Newest attempt first (by attempt time, delivery id, attempt). */
export interface WebhookDeliveryQuery extends PageQuery {
  readonly subscriptionId?: string;
  readonly deliveryId?: string;
}

/** Retries to resume: latest attempts still `retrying` whose next attempt is due at `dueBefore`. */
export interface WebhookRetryQuery {
  readonly dueBefore: string | Date;
  /** 1–1000; defaults to 100. */
  readonly limit?: number;
}
