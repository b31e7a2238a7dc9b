/**
 * This server's side of schedule claims (../metadata/schedule-claim-types.ts): who it is, and
 * "may I do this fire of this job?". Every job that more than one server sees come due — a
 * product's cron slot, a webhook retry attempt, the periodic governance check — asks here first,
 * and only the one server whose claim the store accepted does it.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { MetadataStore } from '../metadata/metadata-store.js';

export type ClaimOutcome = { readonly claimed: true } | { readonly claimed: false; readonly claimedBy: string };

export interface SlotClaims {
  /** The name claims are recorded under: host, pid and URL, so an operator can find the process. */
  readonly server: string;
  /** Adds the server's URL to its name, once it listens. */
  listening(url: string): void;
  claim(job: string, slot: string): Promise<ClaimOutcome>;
  /** Notes the run that served a claimed slot (best effort: the run happened either way). */
  noteRun(job: string, slot: string, runId: string): Promise<void>;
}

export function createSlotClaims(store: Pick<MetadataStore, 'claimScheduleSlot' | 'noteScheduleClaimRun'>): SlotClaims {
  // The random part tells apart two servers of one process (tests) until they listen.
  let server = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  return {
    get server() {
      return server;
    },
    listening(url) {
      server = `${server} ${url}`;
    },
    async claim(job, slot) {
      const { claimed, claim } = await store.claimScheduleSlot({ job, slot, claimedBy: server });
      return claimed ? { claimed } : { claimed, claimedBy: claim.claimedBy };
    },
    async noteRun(job, slot, runId) {
      await store.noteScheduleClaimRun(job, slot, server, runId);
    },
  };
}
