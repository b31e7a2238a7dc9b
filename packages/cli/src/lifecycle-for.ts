/**
 * Lifecycle events for CLI commands that build or publish (`mesh run`, `mesh publish`): a webhook
 * dispatcher for mesh.yaml `webhooks` and the run listener that publishes through it. When the
 * command's work is done, the listener's lookups settle and every delivery started is finished —
 * or logged as a retry the next `mesh serve` takes over — before the metadata store closes.
 *
 * Webhook settings that do not validate (MW8750, e.g. an unset secret) do not stop a build: the
 * command says on stderr that no events are sent, and `mesh serve` refuses to start until fixed.
 */
import { isMeshworkError } from '@meshwork/core';
import {
  createLifecycleRunListener,
  createWebhookDispatcher,
  webhookSubscriptions,
  type DiskLoadResult,
  type LifecycleContext,
  type LifecycleRunListener,
  type MetadataStore,
  type WebhookSubscription,
} from '@meshwork/server';
import type { CliContext } from './cli-context.js';

export interface CliLifecycle {
  readonly context: LifecycleContext;
  readonly runListener: LifecycleRunListener;
}

export async function withLifecycle<T>(
  ctx: CliContext,
  workspace: DiskLoadResult,
  store: MetadataStore,
  use: (lifecycle: CliLifecycle) => Promise<T>,
): Promise<T> {
  const webhooks = createWebhookDispatcher({ store, subscriptions: subscriptionsOf(ctx, workspace), timeoutMs: 5000 });
  const context: LifecycleContext = {
    model: workspace.model,
    store,
    events: webhooks,
    log: (message, fields) => ctx.streams.stderr.write(`${message} ${JSON.stringify(fields)}\n`),
  };
  const runListener = createLifecycleRunListener(context);
  try {
    return await use({ context, runListener });
  } finally {
    await runListener.settled();
    await webhooks.close();
  }
}

function subscriptionsOf(ctx: CliContext, workspace: DiskLoadResult): readonly WebhookSubscription[] {
  try {
    return webhookSubscriptions(workspace.model.config.webhooks);
  } catch (error) {
    if (!isMeshworkError(error)) throw error;
    ctx.streams.stderr.write(`webhooks not sent: ${error.code} ${error.message}\n`);
    return [];
  }
}
