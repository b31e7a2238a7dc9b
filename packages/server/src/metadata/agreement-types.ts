/**
 * Data usage agreements as the metadata store keeps them: one record per access request, from
 * `pending` to its decision and, once approved, to its end. Whether an approved agreement is in
 * force is not stored — it is computed from `startsAt`/`endsAt` at lookup time, so access starts
 * and stops by the clock with no job; `expired` only records, once, that the end has passed.
 */
import type { PageQuery } from './metadata-types.js';

/**
 * `pending` → `approved` | `rejected` | `cancelled`; `approved` → `revoked` | `expired`.
 * Every other status is final.
 */
export type AgreementStatus = 'pending' | 'approved' | 'rejected' | 'cancelled' | 'revoked' | 'expired';
export const AGREEMENT_STATUSES: readonly AgreementStatus[] = [
  'pending',
  'approved',
  'rejected',
  'cancelled',
  'revoked',
  'expired',
];

/** The statuses each status may move to; the store refuses any other transition. */
export const AGREEMENT_TRANSITIONS: Readonly<Record<AgreementStatus, readonly AgreementStatus[]>> = {
  pending: ['approved', 'rejected', 'cancelled'],
  approved: ['revoked', 'expired'],
  rejected: [],
  cancelled: [],
  revoked: [],
  expired: [],
};

/** One major version of one output port of one product (the access model's `PortRef`). */
export interface AgreementPort {
  /** `domain.product`. */
  readonly productId: string;
  readonly port: string;
  readonly major: number;
}

export interface AgreementInput extends AgreementPort {
  /** A UUID the caller chooses. */
  readonly id: string;
  /** The consumer: a user or service account id. */
  readonly principalId: string;
  /** Why the consumer needs the data; shown to the owner, kept in the audit log. */
  readonly purpose: string;
  readonly startsAt: string | Date;
  /** Exclusive: the agreement is in force while `startsAt <= now < endsAt`. */
  readonly endsAt: string | Date;
  /** Defaults to the store's clock. */
  readonly requestedAt?: string | Date;
}

export interface AgreementRecord extends AgreementPort {
  readonly id: string;
  readonly principalId: string;
  readonly purpose: string;
  readonly startsAt: string;
  readonly endsAt: string;
  readonly status: AgreementStatus;
  readonly requestedAt: string;
  /** Who approved, rejected or cancelled the request, when and why; null while pending. */
  readonly decidedBy: string | null;
  readonly decidedAt: string | null;
  readonly decisionNote: string | null;
  /** Who revoked it (or `system` for an expiry), when and why; null while it has not ended. */
  readonly endedBy: string | null;
  readonly endedAt: string | null;
  readonly endNote: string | null;
  readonly updatedAt: string;
}

/**
 * One step of an agreement's life. `from` is the status the caller saw: the update only applies
 * while the agreement still has it, so of two owners approving and rejecting at once exactly one
 * wins and the other gets a ConflictError.
 */
export interface AgreementStatusChange {
  readonly id: string;
  readonly from: AgreementStatus;
  readonly to: AgreementStatus;
  /** Who takes the step: a principal id, or `system` for an expiry. */
  readonly by: string;
  readonly note?: string | null;
  /** Defaults to the store's clock. */
  readonly at?: string | Date;
}

/** Newest request first (by request time, then id). */
export interface AgreementQuery extends PageQuery {
  readonly productId?: string;
  /** Any of these products (e.g. every product an owner may approve); at most 1000. */
  readonly productIds?: readonly string[];
  readonly principalId?: string;
  readonly status?: AgreementStatus | readonly AgreementStatus[];
}
