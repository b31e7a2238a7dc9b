/**
 * The Cedar context of a request — the stated purpose and the agreements in force — and its
 * cache key. Agreements past their end are dropped here even if the caller's lookup returned
 * them: an agreement stops granting access at its end date by itself.
 */
import type { Context } from '@cedar-policy/cedar-wasm/nodejs';
import type { AccessContext, ActiveAgreement } from './access-types.js';

export interface RequestContext {
  readonly agreements: readonly ActiveAgreement[];
  readonly cedar: Context;
  /** Equal for two requests exactly when their Cedar contexts are equal. */
  readonly key: string;
}

/** The context of a request with no purpose and no agreement: most requests, shared. */
const EMPTY: RequestContext = Object.freeze({
  agreements: Object.freeze([]),
  cedar: Object.freeze<Context>({ hasAgreement: false, agreementPurposes: Object.freeze([]) as unknown as string[] }),
  key: JSON.stringify([false, null, []]),
});

export function requestContext(context: AccessContext, withAgreements = true): RequestContext {
  if (context.purpose === undefined && (!withAgreements || (context.agreements?.length ?? 0) === 0)) return EMPTY;
  const agreements = withAgreements ? inForce(context) : [];
  const purposes = [...new Set(agreements.map((a) => a.purpose))].sort();
  const cedar: Context = {
    hasAgreement: agreements.length > 0,
    agreementPurposes: purposes,
    ...(context.purpose === undefined ? {} : { purpose: context.purpose }),
  };
  // JSON, so that no purpose text can make two different contexts share a key.
  const key = JSON.stringify([agreements.length > 0, context.purpose ?? null, purposes]);
  return { agreements, cedar, key };
}

function inForce(context: AccessContext): readonly ActiveAgreement[] {
  const agreements = context.agreements ?? [];
  if (agreements.length === 0) return agreements;
  const now = (context.now ?? new Date()).getTime();
  return agreements.filter((a) => {
    const end = Date.parse(a.endsAt);
    return Number.isFinite(end) && end > now;
  });
}

/** The agreement a read relies on: the one for the stated purpose, else the first. */
export function chosenAgreement(
  context: AccessContext,
  agreements: readonly ActiveAgreement[],
): ActiveAgreement | undefined {
  return agreements.find((a) => a.purpose === context.purpose) ?? agreements[0];
}
