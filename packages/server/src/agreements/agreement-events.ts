/**
 * Every step of an agreement leaves two traces: an audit event in the hash-chained log (what
 * happened, who did it, to which agreement) and a webhook event for subscribers. Both carry the
 * agreement as it is after the step; neither carries anything secret.
 */
import type { AgreementRecord } from '../metadata/agreement-types.js';
import type { JsonValue } from '../metadata/canonical-json.js';
import type { MetadataStore } from '../metadata/metadata-store.js';
import type { EventPublisher } from '../webhooks/webhook-types.js';

export const AGREEMENT_EVENT_TYPES = [
  'access.requested',
  'access.approved',
  'access.rejected',
  'access.cancelled',
  'access.revoked',
  'access.expired',
] as const;
export type AgreementEventType = (typeof AGREEMENT_EVENT_TYPES)[number];

/** The audit resource of an agreement: its whole history is one indexed `(resource, seq)` query. */
export function agreementUrn(id: string): string {
  return `urn:meshwork:agreement:${id}`;
}

export interface AgreementActor {
  /** A principal id, or `system` for an expiry. */
  readonly id: string;
  /** How it was authenticated (token id, `oidc`, `local`), for the audit trail. */
  readonly authenticatedBy: string;
}

export function agreementJson(agreement: AgreementRecord): { readonly [key: string]: JsonValue } {
  return {
    id: agreement.id,
    principalId: agreement.principalId,
    productId: agreement.productId,
    port: agreement.port,
    major: agreement.major,
    purpose: agreement.purpose,
    startsAt: agreement.startsAt,
    endsAt: agreement.endsAt,
    status: agreement.status,
    requestedAt: agreement.requestedAt,
    decidedBy: agreement.decidedBy,
    decidedAt: agreement.decidedAt,
    decisionNote: agreement.decisionNote,
    endedBy: agreement.endedBy,
    endedAt: agreement.endedAt,
    endNote: agreement.endNote,
  };
}

/**
 * Appends the audit event, then queues the webhook event. The state change is already committed:
 * if the audit append fails the caller sees the error (and the step is not announced), which is
 * the rare case to reconcile by hand; the webhook side never fails the caller.
 */
export async function recordAgreementStep(
  store: Pick<MetadataStore, 'appendAudit'>,
  events: EventPublisher | undefined,
  type: AgreementEventType,
  agreement: AgreementRecord,
  actor: AgreementActor,
  at: Date,
): Promise<void> {
  await store.appendAudit({
    actor: actor.id,
    action: type,
    resource: agreementUrn(agreement.id),
    details: { agreement: agreementJson(agreement), authenticatedBy: actor.authenticatedBy },
    at,
  });
  events?.publish(type, { agreement: agreementJson(agreement), actor: actor.id });
}
