/**
 * Takes over logged webhook retries nobody attempted in time — left by a CLI command that
 * exited, or by a server that stopped — on a timer, once at start and then every interval.
 */
import type { WebhookDispatcher, WebhookLog } from './webhook-dispatcher.js';

export interface WebhookResumer {
  stop(): void;
}

export function startWebhookResumer(
  dispatcher: Pick<WebhookDispatcher, 'resumeDue'>,
  options: { readonly intervalMs?: number; readonly log?: WebhookLog } = {},
): WebhookResumer {
  const log = options.log ?? (() => undefined);
  let busy = false;
  const resume = async () => {
    if (busy) return;
    busy = true;
    try {
      const resumed = await dispatcher.resumeDue();
      if (resumed > 0) log('webhook retries resumed', { count: resumed });
    } catch (error) {
      log('resuming webhook retries failed', { error: String(error) });
    } finally {
      busy = false;
    }
  };
  void resume();
  const timer = setInterval(() => void resume(), options.intervalMs ?? 60_000);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
