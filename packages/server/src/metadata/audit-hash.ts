/**
 * The audit chain's hash: sha256(prevHash + canonical JSON of the event fields), lowercase hex.
 * The seq is inside the hash, so reordering events breaks the chain as surely as editing one.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';
import type { AuditEvent, AuditEventFields } from './metadata-types.js';

/** The prevHash of the first event: nothing came before it. */
export const AUDIT_GENESIS_HASH = '0'.repeat(64);

export function auditEventHash(prevHash: string, fields: AuditEventFields): string {
  const { seq, at, actor, action, resource, details } = fields;
  const body = canonicalJson({ seq, at, actor, action, resource, details });
  return createHash('sha256').update(prevHash).update(body).digest('hex');
}

/** Links the fields to the chain whose head hash is `prevHash`. */
export function sealAuditEvent(fields: AuditEventFields, prevHash: string): AuditEvent {
  return { ...fields, prevHash, hash: auditEventHash(prevHash, fields) };
}
