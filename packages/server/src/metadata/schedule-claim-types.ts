/**
 * What several servers sharing one metadata store coordinate through.
 *
 * A schedule claim is one fire of a job, taken by one server: a scheduled product run's cron slot
 * (`schedule:<product id>` at the slot's UTC time), a webhook retry attempt, a one-off
 * announcement. The first claim of a (job, slot) wins — one atomic insert — so each fire is done
 * once however many servers see it come due; the others are told who has it.
 *
 * A change marker is a counter per topic that a server bumps after changing something other
 * servers keep in memory (the lineage graph); servers poll the few markers and reload what moved.
 */
import type { Page, PageQuery } from './metadata-types.js';

export interface ScheduleClaimInput {
  /** What is claimed, e.g. `schedule:sales.orders`, `webhook:<delivery id>`. */
  readonly job: string;
  /** Which fire of it: an ISO-8601 UTC time for cron slots, any stable text otherwise. */
  readonly slot: string;
  /** The claiming server, for messages (`host:pid:…`). */
  readonly claimedBy: string;
  /** Defaults to the store's clock. */
  readonly claimedAt?: string | Date;
}

export interface ScheduleClaimRecord {
  readonly job: string;
  readonly slot: string;
  readonly claimedBy: string;
  readonly claimedAt: string;
  /** The run that served the slot, once its claimant noted it; null before, and for jobs that are not runs. */
  readonly runId: string | null;
}

export interface ScheduleClaimResult {
  /** True only for the one caller whose insert created the claim. */
  readonly claimed: boolean;
  /** The claim as stored: this caller's, or the server that has it. */
  readonly claim: ScheduleClaimRecord;
}

/** One job's claims, newest slot first (slots compare byte-wise; ISO times sort in time order). */
export interface ScheduleClaimQuery extends PageQuery {
  readonly job: string;
}

export interface ChangeMarker {
  readonly topic: string;
  /** Starts at 1 and grows by one per bump. */
  readonly version: number;
  readonly changedAt: string;
}

/** The store's part in coordinating several servers (joined into `MetadataStore`). */
export interface ScheduleClaimStore {
  /**
   * Claims one fire of a job. Exactly one of any number of concurrent claims of the same (job,
   * slot) gets `claimed: true`, in every adapter and across processes; the others get the claim
   * as stored, naming who has it. InputError MW6101 for an empty or oversized job, slot or claimant.
   */
  claimScheduleSlot(input: ScheduleClaimInput): Promise<ScheduleClaimResult>;
  /** Notes the run that served a claimed slot, once and only by its claimant; false otherwise. */
  noteScheduleClaimRun(job: string, slot: string, claimedBy: string, runId: string): Promise<boolean>;
  /** One job's claims, newest slot first. */
  listScheduleClaims(query: ScheduleClaimQuery): Promise<Page<ScheduleClaimRecord>>;
  /** Deletes claims made before `before` (never a future time: MW6101); returns how many. */
  pruneScheduleClaims(before: string | Date): Promise<number>;
  /** Adds one to the topic's marker (creating it at 1) and returns it. */
  bumpChangeMarker(topic: string): Promise<ChangeMarker>;
  /** Every topic's marker, by topic. */
  listChangeMarkers(): Promise<readonly ChangeMarker[]>;
}
