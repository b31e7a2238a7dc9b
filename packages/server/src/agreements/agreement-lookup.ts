/**
 * The access engine's `AgreementLookup`, backed by the metadata store: one indexed query per
 * lookup and deliberately no cache, so that a revocation on any server ends access on every
 * server at the next query, and an agreement stops at its end date to the millisecond.
 */
import type { ActiveAgreement, AgreementLookup, PortRef } from '../access/access-types.js';
import type { MetadataStore } from '../metadata/metadata-store.js';

export function createAgreementLookup(store: Pick<MetadataStore, 'activeAgreements'>): AgreementLookup {
  return {
    async activeAgreements(principalId: string, port: PortRef, at: Date): Promise<readonly ActiveAgreement[]> {
      const found = await store.activeAgreements(principalId, port, at);
      return found.map((agreement) => ({ id: agreement.id, purpose: agreement.purpose, endsAt: agreement.endsAt }));
    },
  };
}
