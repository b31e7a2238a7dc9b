/**
 * Which cron slot a fire belongs to: the latest time the pattern matches at or before the fire.
 * Every server computes the same slot for the same fire from the pattern alone — croner fires
 * at or after the slot, a few milliseconds late, or later when the event loop was busy — so the
 * slot (not the server's own clock reading) is what servers claim.
 */
import type { Cron } from 'croner';

/** Look back this far, then further, for the match: one second finds it for every on-time fire. */
const LOOKBACKS_MS = [1_000, 60_000, 3_600_000, 86_400_000];

/** The slot of a fire at `at`, or undefined when the pattern matched nothing in the last day. */
export function cronSlot(cron: Pick<Cron, 'nextRun'>, at: Date): Date | undefined {
  for (const lookback of LOOKBACKS_MS) {
    let slot = cron.nextRun(new Date(at.getTime() - lookback));
    if (!slot || slot > at) continue;
    for (let next = cron.nextRun(slot); next && next <= at; next = cron.nextRun(slot)) slot = next;
    return slot;
  }
  return undefined;
}
