/**
 * "Was this already announced?" for announcements made once per port version: the audit log of
 * the port version's URN is the durable memory (shared by every process on the store), and a set
 * in memory spares the lookup after the first time. Two servers sweeping at once would both
 * find nothing in the audit log, so the announcement is also claimed in the store first
 * (`announce:<resource>`, one winner); a claimant that dies before announcing leaves it to be
 * announced once its claim is pruned (a day).
 */
import { hostname } from 'node:os';
import type { MetadataStore } from '../metadata/metadata-store.js';

export async function auditHasAction(
  store: Pick<MetadataStore, 'listAudit'>,
  resource: string,
  action: string,
): Promise<boolean> {
  let after: number | undefined;
  do {
    const page = await store.listAudit({ resource, limit: 1000, ...(after !== undefined ? { after } : {}) });
    if (page.items.some((event) => event.action === action)) return true;
    after = page.next;
  } while (after !== undefined);
  return false;
}

/**
 * Runs `announce` at most once per key in this process, and not at all when the audit log already
 * holds `action` for the key's resource or another process claimed it. Concurrent callers share
 * one attempt; an attempt that failed before its claim may be tried again later, one that failed
 * after it once the claim is pruned.
 */
export function createOnceAnnouncer(store: Pick<MetadataStore, 'listAudit' | 'claimScheduleSlot'>, action: string) {
  const settled = new Set<string>();
  const running = new Map<string, Promise<boolean>>();
  return (resource: string, announce: () => Promise<void>): Promise<boolean> => {
    if (settled.has(resource)) return Promise.resolve(false);
    const pending = running.get(resource);
    if (pending) return pending.then(() => false);
    const attempt = (async () => {
      if (await auditHasAction(store, resource, action)) return false;
      const { claimed } = await store.claimScheduleSlot({
        job: `announce:${resource}`,
        slot: action,
        claimedBy: `${hostname()}:${process.pid}`,
      });
      if (!claimed) return false;
      await announce();
      return true;
    })();
    running.set(resource, attempt);
    return attempt.then(
      (announced) => {
        settled.add(resource);
        running.delete(resource);
        return announced;
      },
      (error: unknown) => {
        running.delete(resource);
        throw error;
      },
    );
  };
}
