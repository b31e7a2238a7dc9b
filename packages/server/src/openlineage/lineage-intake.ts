/**
 * OpenLineage events from other tools (Airflow, Spark, dbt…) into Meshwork: decide who may post,
 * validate (lineage-event-validation.ts), store each accepted event as received
 * (`appendLineageEvent`), then merge it into the lineage graph when the platform has one. The
 * store is the record: a graph that fails to merge an event is logged, the event stays accepted.
 *
 * Who may post: a principal that may `administer` the mesh (Cedar; a token with the `admin`
 * scope), or a service account of mesh.yaml — the identity a scheduler or a Spark cluster is
 * given — with a token that allows `publish`. Anyone else gets NotAllowedError MW8852.
 */
import { randomUUID } from 'node:crypto';
import { isMeshworkError, NotAllowedError } from '@meshwork/core';
import type { Authorizer } from '../access/access-types.js';
import { scopeDenial } from '../access/token-scopes.js';
import type { Principal } from '../identity/principal.js';
import { acceptedEventFromRecord } from '../lineage/accepted-event.js';
import type { LineageEventSink } from '../lineage/lineage-event-sink.js';
import type { MetadataStore } from '../metadata/metadata-store.js';
import { validateLineageEvent, type ValidatedLineageEvent } from './lineage-event-validation.js';

export interface LineageIntakeOptions {
  readonly store: Pick<MetadataStore, 'appendLineageEvent'>;
  readonly authorizer: Pick<Authorizer, 'isAllowed'>;
  /** The lineage graph; without one, events are stored only. */
  readonly sink?: LineageEventSink;
  readonly log?: (message: string, fields: Record<string, string>) => void;
}

export type BatchResult =
  | { readonly index: number; readonly status: 'accepted'; readonly id: string }
  | {
      readonly index: number;
      readonly status: 'rejected';
      readonly error: { readonly code: string; readonly message: string };
    };

export interface LineageIntake {
  /** NotAllowedError MW8852 unless the principal may post lineage events. */
  authorize(principal: Principal): void;
  /** Validates, stores and merges one event; InputError MW8851 naming the field at fault. */
  accept(principal: Principal, body: unknown): Promise<{ readonly id: string }>;
  /** Each event on its own, in order: the valid ones are stored even when others are refused. */
  acceptBatch(principal: Principal, bodies: readonly unknown[]): Promise<readonly BatchResult[]>;
}

export function createLineageIntake(options: LineageIntakeOptions): LineageIntake {
  const log = options.log ?? (() => undefined);

  const authorize = (principal: Principal): void => {
    const admin = options.authorizer.isAllowed(principal, 'administer', { kind: 'mesh' });
    if (admin.allowed) return;
    if (principal.kind === 'service') {
      const denied = scopeDenial(principal, 'publish');
      if (denied === undefined) return;
      throw new NotAllowedError('MW8852', `lineage events need a token that allows publish: ${denied}`);
    }
    throw new NotAllowedError(
      'MW8852',
      `${principal.id} may not send lineage events: post as a service account of mesh.yaml, or as someone who administers the mesh (${admin.reason ?? 'not allowed'})`,
    );
  };

  const store = async (principal: Principal, event: ValidatedLineageEvent): Promise<string> => {
    const id = randomUUID();
    const record = await options.store.appendLineageEvent({
      id,
      eventType: event.eventType,
      eventTime: event.eventTime,
      producer: event.producer,
      jobNamespace: event.job?.namespace ?? null,
      jobName: event.job?.name ?? null,
      runId: event.runId ?? null,
      body: event.body,
      receivedBy: principal.id,
    });
    try {
      options.sink?.mergeEvent(acceptedEventFromRecord(record));
    } catch (error) {
      log('lineage event stored but not merged into the graph', { id, error: String(error) });
    }
    return id;
  };

  return {
    authorize,
    accept: async (principal, body) => {
      authorize(principal);
      return { id: await store(principal, validateLineageEvent(body)) };
    },
    acceptBatch: async (principal, bodies) => {
      authorize(principal);
      const results: BatchResult[] = [];
      for (const [index, body] of bodies.entries()) {
        try {
          results.push({ index, status: 'accepted', id: await store(principal, validateLineageEvent(body)) });
        } catch (error) {
          // An event the validator or the store refuses is this event's problem; anything else is the server's.
          if (!isMeshworkError(error) || error.kind !== 'input') throw error;
          results.push({ index, status: 'rejected', error: { code: error.code, message: error.message } });
        }
      }
      return results;
    },
  };
}
