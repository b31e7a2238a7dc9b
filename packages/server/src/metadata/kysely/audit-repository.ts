/**
 * The audit log: append-only and hash-chained. Every append reads the head and inserts the next
 * event inside the dialect's exclusive `audit` lock, so two writers — two requests, two pools,
 * two servers — can never both extend the same head and fork the chain.
 */
import type { Selectable } from 'kysely';
import { AuditChainVerifier, type StoredAuditEvent } from '../audit-chain-verifier.js';
import { AUDIT_GENESIS_HASH, sealAuditEvent } from '../audit-hash.js';
import { canonicalJson, type JsonValue } from '../canonical-json.js';
import { auditAfter, pageLimit, toPage } from '../page-request.js';
import { fromTimestamp, requireText, toTimestamp } from '../record-validation.js';
import type { AuditEvent, AuditInput, AuditQuery, AuditVerification, Page } from '../metadata-types.js';
import type { AuditEventsTable } from './metadata-schema.js';
import type { RepositoryContext } from './repository-context.js';

const DEFAULT_VERIFY_PAGE = 1000;

export class AuditRepository {
  constructor(private readonly context: RepositoryContext) {}

  async append(input: AuditInput): Promise<AuditEvent> {
    // Validate and canonicalise before taking the lock: the lock is the chain's bottleneck.
    const details = canonicalJson(input.details ?? {}, 'details');
    const fields = {
      at: toTimestamp(input.at, 'audit.at', this.context.now),
      actor: requireText(input.actor, 'audit.actor'),
      action: requireText(input.action, 'audit.action'),
      resource: requireText(input.resource, 'audit.resource'),
      details: JSON.parse(details) as JsonValue,
    };
    return this.context.write('audit', async (trx) => {
      const head = await trx
        .selectFrom('audit_events')
        .select(['seq', 'hash'])
        .orderBy('seq', 'desc')
        .limit(1)
        .executeTakeFirst();
      const seq = head ? Number(head.seq) + 1 : 1;
      const event = sealAuditEvent({ seq, ...fields }, head?.hash ?? AUDIT_GENESIS_HASH);
      await trx
        .insertInto('audit_events')
        .values({ ...fields, seq, details, prev_hash: event.prevHash, hash: event.hash })
        .execute();
      return event;
    });
  }

  async list(query: AuditQuery = {}): Promise<Page<AuditEvent, number>> {
    const limit = pageLimit(query.limit);
    let select = this.context.db.selectFrom('audit_events').selectAll().where('seq', '>', auditAfter(query.after));
    // (resource, seq) and (actor, seq) indexes serve the filtered shapes.
    if (query.resource !== undefined) select = select.where('resource', '=', query.resource);
    if (query.actor !== undefined) select = select.where('actor', '=', query.actor);
    const rows = await select
      .orderBy('seq')
      .limit(limit + 1)
      .execute();
    const events = rows.map((row) => {
      const event = toStoredEvent(row);
      if (event.details instanceof Error) {
        throw new Error(`audit event ${event.seq} has unreadable details; run verifyAudit()`, { cause: event.details });
      }
      return { ...event, details: event.details };
    });
    return toPage(events, limit, (event) => event.seq);
  }

  /** Reads the chain in seq order, one page at a time, so memory stays flat at any length. */
  async verify(pageSize = DEFAULT_VERIFY_PAGE): Promise<AuditVerification> {
    const size = pageLimit(pageSize);
    const verifier = new AuditChainVerifier();
    let after = 0;
    for (;;) {
      const rows = await this.context.db
        .selectFrom('audit_events')
        .selectAll()
        .where('seq', '>', after)
        .orderBy('seq')
        .limit(size)
        .execute();
      for (const row of rows) {
        if (!verifier.accept(toStoredEvent(row))) return verifier.result();
      }
      if (rows.length < size) return verifier.result();
      after = Number(rows[rows.length - 1]!.seq);
    }
  }
}

function toStoredEvent(row: Selectable<AuditEventsTable>): StoredAuditEvent {
  return {
    seq: Number(row.seq),
    at: fromTimestamp(row.at),
    actor: row.actor,
    action: row.action,
    resource: row.resource,
    details: parseDetails(row.details),
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

function parseDetails(text: string): JsonValue | Error {
  try {
    return JSON.parse(text) as JsonValue;
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}
