/**
 * Checks an audit chain one event at a time, so a caller can stream 10M events through it in
 * pages without holding them. An event is good when its seq follows the previous one without a
 * gap, its prevHash is the previous event's hash and its hash recomputes from its fields.
 */
import { AUDIT_GENESIS_HASH, auditEventHash } from './audit-hash.js';
import type { AuditEvent, AuditVerification } from './metadata-types.js';

/** An event as read back; details may fail to parse when someone edited the raw row. */
export type StoredAuditEvent = Omit<AuditEvent, 'details'> & { readonly details: AuditEvent['details'] | Error };

export class AuditChainVerifier {
  #count = 0;
  #headHash = AUDIT_GENESIS_HASH;
  #failure: { readonly seq: number; readonly reason: string } | undefined;

  /** Feeds the next event in seq order; returns false once the chain is broken. */
  accept(event: StoredAuditEvent): boolean {
    if (this.#failure) return false;
    const reason = this.#problem(event);
    if (reason) {
      this.#failure = { seq: event.seq, reason };
      return false;
    }
    this.#count += 1;
    this.#headHash = event.hash;
    return true;
  }

  result(): AuditVerification {
    if (this.#failure) {
      return { ok: false, count: this.#count, firstBadSeq: this.#failure.seq, reason: this.#failure.reason };
    }
    return { ok: true, count: this.#count, headHash: this.#headHash };
  }

  #problem(event: StoredAuditEvent): string | undefined {
    const expectedSeq = this.#count + 1;
    if (event.seq !== expectedSeq) {
      return `expected seq ${expectedSeq} but found ${event.seq}: events are missing or were reordered`;
    }
    if (event.prevHash !== this.#headHash) {
      return `prevHash does not match the hash of event ${this.#count}: an earlier event was changed or removed`;
    }
    if (event.details instanceof Error) return `details are not valid JSON: ${event.details.message}`;
    if (auditEventHash(event.prevHash, { ...event, details: event.details }) !== event.hash) {
      return 'hash does not match the event fields: the event was changed after it was appended';
    }
    return undefined;
  }
}
