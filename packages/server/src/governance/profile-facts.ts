/** A snapshot's data profile (see ../profiling) as the facts governance policies read. */
import { BLANK_PROFILE, type ProfileFacts } from '@meshwork/core';
import type { SnapshotColumnProfile } from '../warehouse/snapshot-manifest.js';

export function profileFacts(profile: readonly SnapshotColumnProfile[]): ReadonlyMap<string, ProfileFacts> {
  return new Map(
    profile.map((p) => [
      p.column,
      {
        ...BLANK_PROFILE,
        sampled: BigInt(p.sampled),
        email: p.matches.email ?? 0,
        phone: p.matches.phone ?? 0,
        iban: p.matches.iban ?? 0,
        paymentCard: p.matches.paymentCard ?? 0,
        nationalId: p.matches.nationalId ?? 0,
        patternMatched: p.pattern?.matched ?? -1,
      },
    ]),
  );
}
