/**
 * One server per workspace with the embedded SQLite store: `.meshwork/serve.lock` holds the pid
 * of the running `mesh serve`. A second start is refused with a clear message; a lock left by a
 * dead process is taken over. SQLite in a workspace folder and a warehouse folder next to it are
 * one machine's platform — its file locking does not span machines, and only one process should
 * own the scheduler and the sweeps. With PostgreSQL there is no such lock: several servers share
 * the store and coordinate through it (schedule claims, change markers).
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ConflictError } from '@meshwork/core';
import type { MetadataStoreKind } from '../metadata/metadata-store.js';

export interface InstanceLock {
  release(): void;
}

/** The lock a server of this store kind needs: the workspace's for SQLite, none for PostgreSQL. */
export function acquireServerLock(root: string, kind: MetadataStoreKind): InstanceLock {
  if (kind === 'postgres') return { release: () => undefined };
  return acquireInstanceLock(join(root, '.meshwork', 'serve.lock'), `mesh serve in ${root}`);
}

export function acquireInstanceLock(path: string, describe: string): InstanceLock {
  mkdirSync(dirname(path), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(path, JSON.stringify({ pid: process.pid, describe, startedAt: new Date().toISOString() }), {
        flag: 'wx',
      });
      return { release: () => rmSync(path, { force: true }) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readHolder(path);
      if (holder && isAlive(holder.pid)) {
        throw new ConflictError(
          'MW9003',
          `Meshwork is already running for this workspace (pid ${holder.pid}, ${holder.describe}); stop it first or use it. ` +
            "With the embedded SQLite store the workspace is one machine's platform, served by one server; " +
            'to run several, use a PostgreSQL metadata store (docs/operations/scaling.md)',
        );
      }
      rmSync(path, { force: true }); // a dead process's lock
    }
  }
  throw new ConflictError('MW9003', 'could not take the server lock; another server is starting');
}

function readHolder(path: string): { pid: number; describe: string } | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as { pid: number; describe: string };
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
