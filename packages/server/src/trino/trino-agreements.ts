/**
 * Agreements for the export: the gateway's own lookup (`activeAgreements`, the same query every
 * gateway read makes) asked only for the principal and port pairs that have an approved agreement
 * at all, found with one paged listing — so exporting a mesh costs one query per agreement, not
 * one per user and table. The listing also yields the approved agreements that start later: the
 * rules must be exported again when they do.
 */
import type { AgreementLookup } from '../access/access-types.js';
import { createAgreementLookup } from '../agreements/agreement-lookup.js';
import type { AgreementRecord } from '../metadata/agreement-types.js';
import type { MetadataStore } from '../metadata/metadata-store.js';

export interface TrinoAgreementSource {
  /** Approved agreements whose end is after `now`: in force, or starting later. */
  approvedNotEnded(now: Date): Promise<readonly AgreementRecord[]>;
  readonly lookup: AgreementLookup;
}

export function trinoAgreementSource(
  store: Pick<MetadataStore, 'listAgreements' | 'activeAgreements'>,
): TrinoAgreementSource {
  return {
    lookup: createAgreementLookup(store),
    async approvedNotEnded(now) {
      const found: AgreementRecord[] = [];
      let after: string | undefined;
      do {
        const page = await store.listAgreements({ status: 'approved', limit: 1000, ...(after ? { after } : {}) });
        found.push(...page.items.filter((a) => Date.parse(a.endsAt) > now.getTime()));
        after = page.next;
      } while (after !== undefined);
      return found;
    },
  };
}
