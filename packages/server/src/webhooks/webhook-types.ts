/**
 * Webhook events and subscriptions. An event is any platform fact a subscriber may care about
 * (`access.requested`, later `product.published`, `run.failed`…): a type, a time and plain JSON
 * data. The dispatcher knows nothing of particular types, so new ones need no change here.
 */
import type { JsonValue } from '../metadata/canonical-json.js';

/** What is POSTed, as JSON, to every subscriber of its type. */
export interface WebhookEvent {
  /** A UUID; the same event delivered to several subscribers keeps its id. */
  readonly id: string;
  /** Dotted, lowercase: `access.approved`. */
  readonly type: string;
  readonly occurredAt: string;
  readonly data: JsonValue;
}

/** What services depend on to announce events; the webhook dispatcher is one implementation. */
export interface EventPublisher {
  /** Queues the event for its subscribers and returns at once; delivery never blocks or fails the caller. */
  publish(type: string, data: JsonValue): WebhookEvent;
}

/** One subscriber of mesh.yaml `webhooks`, after `${VAR}` substitution and validation. */
export interface WebhookSubscription {
  readonly id: string;
  readonly url: string;
  /** Event types, `prefix.*`, or `*` for every event. */
  readonly events: readonly string[];
  /** Signs each body (HMAC-SHA256); never logged, stored or echoed. */
  readonly secret: string;
}
