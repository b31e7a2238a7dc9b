/**
 * The webhook delivery log: one row per attempt, newest first. Attempts are appended, never
 * changed, and keyed (delivery, attempt), so two processes cannot both log the same attempt.
 */
import { InputError } from '@meshwork/core';
import type { Selectable } from 'kysely';
import type { Page } from '../metadata-types.js';
import { decodeCursor, encodeCursor, pageLimit, toPage } from '../page-request.js';
import { fromTimestamp, optionalText, requireChoice, requireText, toTimestamp } from '../record-validation.js';
import { requireRunId, runIdOrUndefined } from '../run-validation.js';
import {
  WEBHOOK_ATTEMPT_OUTCOMES,
  type WebhookAttemptOutcome,
  type WebhookDeliveryInput,
  type WebhookDeliveryQuery,
  type WebhookDeliveryRecord,
  type WebhookRetryQuery,
} from '../webhook-delivery-types.js';
import type { WebhookDeliveriesTable } from './agreement-schema.js';
import type { RepositoryContext } from './repository-context.js';

const MAX_BODY = 1_000_000;
const MAX_ERROR = 2000;

export class WebhookDeliveryRepository {
  constructor(private readonly context: RepositoryContext) {}

  async record(input: WebhookDeliveryInput): Promise<WebhookDeliveryRecord> {
    const outcome = requireChoice(input.outcome, 'delivery.outcome', WEBHOOK_ATTEMPT_OUTCOMES);
    const nextAttemptAt =
      input.nextAttemptAt === null || input.nextAttemptAt === undefined
        ? null
        : toTimestamp(input.nextAttemptAt, 'delivery.nextAttemptAt', this.context.now);
    if ((outcome === 'retrying') !== (nextAttemptAt !== null)) {
      throw new InputError('MW6101', 'delivery.nextAttemptAt is required for a retrying attempt, and only for one.');
    }
    const row = {
      delivery_id: requireRunId(input.deliveryId, 'delivery.deliveryId'),
      attempt: requireCount(input.attempt, 'delivery.attempt', 1),
      subscription_id: requireText(input.subscriptionId, 'delivery.subscriptionId', 200),
      event_id: requireText(input.eventId, 'delivery.eventId', 200),
      event_type: requireText(input.eventType, 'delivery.eventType', 200),
      outcome,
      http_status: input.httpStatus === null ? null : requireCount(input.httpStatus, 'delivery.httpStatus', 100),
      error: optionalText(input.error, 'delivery.error', MAX_ERROR),
      duration_ms: requireCount(Math.round(input.durationMs), 'delivery.durationMs', 0),
      next_attempt_at: nextAttemptAt,
      body: requireText(input.body, 'delivery.body', MAX_BODY),
      attempted_at: toTimestamp(input.attemptedAt, 'delivery.attemptedAt', this.context.now),
    };
    return this.context.write('data', async (trx) => {
      const inserted = await trx.insertInto('webhook_deliveries').values(row).returningAll().executeTakeFirstOrThrow();
      return toDelivery(inserted);
    });
  }

  async list(query: WebhookDeliveryQuery = {}): Promise<Page<WebhookDeliveryRecord>> {
    const limit = pageLimit(query.limit);
    const after = decodeDeliveryCursor(query.after);
    let select = this.context.db.selectFrom('webhook_deliveries').selectAll();
    if (query.subscriptionId !== undefined) {
      select = select.where('subscription_id', '=', requireText(query.subscriptionId, 'subscriptionId', 200));
    }
    if (query.deliveryId !== undefined) {
      const id = runIdOrUndefined(query.deliveryId);
      if (id === undefined) return { items: [] };
      select = select.where('delivery_id', '=', id);
    }
    if (after !== undefined) {
      select = select.where(({ eb, refTuple, tuple }) =>
        eb(
          refTuple('attempted_at', 'delivery_id', 'attempt'),
          '<',
          tuple(after.attemptedAt, after.deliveryId, after.attempt),
        ),
      );
    }
    const rows = await select
      .orderBy('attempted_at', 'desc')
      .orderBy('delivery_id', 'desc')
      .orderBy('attempt', 'desc')
      .limit(limit + 1)
      .execute();
    return toPage(rows.map(toDelivery), limit, encodeDeliveryCursor);
  }

  /** Latest attempts still `retrying` and due: no later attempt of the same delivery exists. */
  async dueRetries(query: WebhookRetryQuery): Promise<readonly WebhookDeliveryRecord[]> {
    const limit = pageLimit(query.limit);
    const due = toTimestamp(query.dueBefore, 'dueBefore', this.context.now);
    const rows = await this.context.db
      .selectFrom('webhook_deliveries as w')
      .selectAll('w')
      .where('w.outcome', '=', 'retrying')
      .where('w.next_attempt_at', '<=', due)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('webhook_deliveries as later')
              .select('later.attempt')
              .whereRef('later.delivery_id', '=', 'w.delivery_id')
              .whereRef('later.attempt', '>', 'w.attempt'),
          ),
        ),
      )
      .orderBy('w.next_attempt_at')
      .orderBy('w.delivery_id')
      .limit(limit)
      .execute();
    return rows.map(toDelivery);
  }
}

function requireCount(value: unknown, field: string, min: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > 2_147_483_647) {
    throw new InputError('MW6101', `${field} must be an integer of at least ${min}; got ${JSON.stringify(value)}.`);
  }
  return value;
}

function toDelivery(row: Selectable<WebhookDeliveriesTable>): WebhookDeliveryRecord {
  return {
    deliveryId: row.delivery_id,
    attempt: Number(row.attempt),
    subscriptionId: row.subscription_id,
    eventId: row.event_id,
    eventType: row.event_type,
    outcome: row.outcome as WebhookAttemptOutcome,
    httpStatus: row.http_status === null ? null : Number(row.http_status),
    error: row.error,
    durationMs: Number(row.duration_ms),
    nextAttemptAt: row.next_attempt_at === null ? null : fromTimestamp(row.next_attempt_at),
    body: row.body,
    attemptedAt: fromTimestamp(row.attempted_at),
  };
}

const KIND = 'delivery';
const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

function encodeDeliveryCursor(record: WebhookDeliveryRecord): string {
  return encodeCursor(`${KIND}|${record.attemptedAt}|${record.deliveryId}|${record.attempt}`);
}

function decodeDeliveryCursor(
  cursor: string | undefined,
): { attemptedAt: string; deliveryId: string; attempt: number } | undefined {
  const key = decodeCursor(cursor);
  if (key === undefined) return undefined;
  const [kind, attemptedAt = '', rawId = '', rawAttempt = '', ...rest] = key.split('|');
  const deliveryId = runIdOrUndefined(rawId);
  const attempt = Number(rawAttempt);
  if (
    kind !== KIND ||
    !ISO_MS.test(attemptedAt) ||
    deliveryId === undefined ||
    !Number.isSafeInteger(attempt) ||
    rest.length > 0
  ) {
    throw new InputError(
      'MW6103',
      'after is not a cursor returned by listWebhookDeliveries; pass the `next` of the previous page.',
    );
  }
  return { attemptedAt, deliveryId, attempt };
}
