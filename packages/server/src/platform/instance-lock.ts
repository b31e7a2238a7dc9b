/**
 * One server per workspace on one machine: `.meshwork/serve.lock` holds the pid of the running
 * `mesh serve`. A second start is refused with a clear message; a lock left by a dead process
 * is taken over.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { ConflictError } from '@meshwork/core';

export interface InstanceLock {
  release(): void;
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
          `Meshwork is already running for this workspace (pid ${holder.pid}, ${holder.describe}); stop it first or use it`,
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
