/**
 * The JSON of access requests and agreements as `/api/v1/access-requests` and `/api/v1/agreements`
 * send it (one record per request, from `pending` to its decision and, once approved, to its
 * end). Only the fields the access pages read; the end-to-end test checks them against a server.
 */

/** `pending` → `approved` | `rejected` | `cancelled`; `approved` → `revoked` | `expired`. */
export type AgreementStatus = 'pending' | 'approved' | 'rejected' | 'cancelled' | 'revoked' | 'expired';

export interface Agreement {
  readonly id: string;
  /** The consumer: a user or service account id. */
  readonly principalId: string;
  /** `domain.product`. */
  readonly productId: string;
  readonly port: string;
  readonly major: number;
  readonly purpose: string;
  readonly startsAt: string;
  /** Exclusive: access ends at this instant. */
  readonly endsAt: string;
  readonly status: AgreementStatus;
  /** Approved, started and not ended: it grants access now (computed by the server). */
  readonly active: boolean;
  readonly requestedAt: string;
  readonly decidedBy: string | null;
  readonly decidedAt: string | null;
  /** The approval's note, or the reason of a rejection. */
  readonly decisionNote: string | null;
  readonly endedBy: string | null;
  readonly endedAt: string | null;
  /** Why it was revoked. */
  readonly endNote: string | null;
}

export interface AgreementPage {
  readonly items: readonly Agreement[];
  /** The cursor of the next page, when there is one. */
  readonly next?: string;
}

/** `POST /api/v1/access-requests`. */
export interface AccessRequestBody {
  readonly product: string;
  readonly port: string;
  readonly major: number;
  readonly purpose: string;
  /** A date (`YYYY-MM-DD`, its first instant in UTC); absent means now. */
  readonly startsAt?: string;
  /** A date meaning "through that day" (UTC). */
  readonly endsAt: string;
}

/** The steps on an existing request or agreement: `POST …/{id}/<step>`. */
export type AgreementStep = 'approve' | 'reject' | 'cancel' | 'revoke';
