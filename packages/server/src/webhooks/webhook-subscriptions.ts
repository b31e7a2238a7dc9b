/**
 * mesh.yaml `webhooks` → validated subscriptions. The schema already checked the shape; this
 * checks what a schema cannot say well: unique ids, a URL fetch will accept (http or https, no
 * user or password in it), event patterns, and a secret that is really there — a signing secret
 * that resolved to nothing or to a few characters is refused, never used as is.
 */
import { InputError } from '@meshwork/core';
import type { WebhookSubscription } from './webhook-types.js';

export const MIN_SECRET_LENGTH = 16;
const EVENT_PATTERN = /^(\*|[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)*(\.\*)?)$/;

export interface WebhookSubscriptionConfig {
  readonly id: string;
  readonly url: string;
  readonly events: readonly string[];
  readonly secret: string;
}

export function webhookSubscriptions(configs: readonly WebhookSubscriptionConfig[] = []): WebhookSubscription[] {
  const seen = new Set<string>();
  return configs.map((config, i) => {
    const where = `mesh.yaml webhooks[${i}] (${config.id})`;
    if (seen.has(config.id)) throw invalid(`${where}: the id is used by another subscription`);
    seen.add(config.id);
    let url: URL;
    try {
      url = new URL(config.url);
    } catch {
      throw invalid(`${where}: url is not a valid URL`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw invalid(`${where}: url must be http or https`);
    // Not echoed: the message must not carry a password someone put in the URL.
    if (url.username !== '' || url.password !== '') throw invalid(`${where}: url must not contain a user or password`);
    if (config.events.length === 0) throw invalid(`${where}: events is empty; name at least one event type or '*'`);
    for (const event of config.events) {
      if (!EVENT_PATTERN.test(event)) {
        throw invalid(`${where}: event ${JSON.stringify(event)} is not an event type, 'prefix.*' or '*'`);
      }
    }
    if (config.secret.length < MIN_SECRET_LENGTH) {
      throw invalid(`${where}: secret is shorter than ${MIN_SECRET_LENGTH} characters (is its variable set?)`);
    }
    return Object.freeze({
      id: config.id,
      url: url.toString(),
      events: Object.freeze([...config.events]),
      secret: config.secret,
    });
  });
}

/** Whether a subscription's patterns cover an event type. */
export function subscribesTo(subscription: WebhookSubscription, type: string): boolean {
  return subscription.events.some(
    (pattern) =>
      pattern === '*' || pattern === type || (pattern.endsWith('.*') && type.startsWith(pattern.slice(0, -1))),
  );
}

function invalid(message: string): InputError {
  return new InputError('MW8750', message);
}
