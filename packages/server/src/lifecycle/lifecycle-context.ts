/** What the lifecycle announcements need from the platform, assembled by the composition root. */
import type { MeshModel } from '@meshwork/core';
import type { MetadataStore } from '../metadata/metadata-store.js';
import type { EventPublisher } from '../webhooks/webhook-types.js';

export type LifecycleLog = (message: string, fields: Record<string, string | number | null>) => void;

export interface LifecycleContext {
  readonly model: MeshModel;
  readonly store: MetadataStore;
  /** Where events go: the webhook dispatcher (which never blocks nor fails the caller). */
  readonly events: EventPublisher;
  readonly clock?: () => Date;
  /** Told about announcements that could not be made (a store error); they never fail the caller. */
  readonly log?: LifecycleLog;
}

export function nowOf(ctx: Pick<LifecycleContext, 'clock'>): Date {
  return ctx.clock?.() ?? new Date();
}

/** The text of an error for a log line. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
