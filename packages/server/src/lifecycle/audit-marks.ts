/**
 * "Was this already announced?" for announcements made once per port version: the audit log of
 * the port version's URN is the durable memory (shared by every process on the store), and a set
 * in memory spares the lookup after the first time.
 */
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
 * holds `action` for the key's resource. Concurrent callers share one attempt; a failed attempt
 * may be tried again later.
 */
export function createOnceAnnouncer(store: Pick<MetadataStore, 'listAudit'>, action: string) {
  const settled = new Set<string>();
  const running = new Map<string, Promise<boolean>>();
  return (resource: string, announce: () => Promise<void>): Promise<boolean> => {
    if (settled.has(resource)) return Promise.resolve(false);
    const pending = running.get(resource);
    if (pending) return pending.then(() => false);
    const attempt = (async () => {
      if (await auditHasAction(store, resource, action)) return false;
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
