/**
 * Where a server's DuckDB instances spill. DuckDB names its spill files by size class and index
 * only, and removes what it finds there when it closes, so two processes must never share a
 * temporary directory. One server per workspace (SQLite) keeps `.meshwork/tmp`; several servers
 * on one machine (PostgreSQL) each get `.meshwork/tmp/servers/<host>-<pid>-<random>`, removed on close —
 * and folders of this host's servers that died are removed when the next one starts.
 */
import { randomBytes } from 'node:crypto';
import { readdirSync, rmSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import type { MetadataStoreKind } from '../metadata/metadata-store.js';
import { isProcessAlive } from '../warehouse/local/process-liveness.js';

export interface ServerTempDirectory {
  readonly path: string;
  /** Removes the folder when it is this server's own. */
  remove(): void;
}

export function serverTempDirectory(root: string, kind: MetadataStoreKind): ServerTempDirectory {
  const shared = join(root, '.meshwork', 'tmp');
  if (kind === 'sqlite') return { path: shared, remove: () => undefined };
  const servers = join(shared, 'servers');
  removeDeadServers(servers);
  // The random part keeps two servers of one process (tests) apart too.
  const path = join(servers, `${hostname()}-${process.pid}-${randomBytes(4).toString('hex')}`);
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

function removeDeadServers(servers: string): void {
  let names: string[];
  try {
    names = readdirSync(servers);
  } catch {
    return; // none yet
  }
  for (const name of names) {
    const owner = /^(.+)-(\d+)-[0-9a-f]{8}$/.exec(name);
    // Only this host's folders can be checked; another host's live server would lose its spill files.
    if (!owner || owner[1] !== hostname() || isProcessAlive(Number(owner[2]))) continue;
    rmSync(join(servers, name), { recursive: true, force: true });
  }
}
