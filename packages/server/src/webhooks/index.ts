/** The webhooks context's public surface: events, subscriptions, the dispatcher and its codes. */
export type { EventPublisher, WebhookEvent, WebhookSubscription } from './webhook-types.js';
export {
  createWebhookDispatcher,
  type WebhookDispatcher,
  type WebhookDispatcherOptions,
  type WebhookLog,
} from './webhook-dispatcher.js';
export { startWebhookResumer, type WebhookResumer } from './webhook-resumer.js';
export { signWebhookBody, verifyWebhookSignature } from './webhook-signature.js';
export {
  MIN_SECRET_LENGTH,
  subscribesTo,
  webhookSubscriptions,
  type WebhookSubscriptionConfig,
} from './webhook-subscriptions.js';
export { WEBHOOK_CODES, type WebhookCode } from './webhook-codes.js';
