/**
 * Is the process that holds a lock still there? Only answerable on the same host: signal 0
 * checks for existence without delivering anything. EPERM means it exists but belongs to
 * another user — alive. A reused pid reads as alive, which errs on the safe side (no takeover).
 */
import { hostname } from 'node:os';

export const HOST = hostname();

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: unknown }).code === 'EPERM';
  }
}

/** A holder on another host cannot be checked, so it counts as alive until someone removes its lock. */
export function isHolderAlive(holder: { readonly pid: number; readonly host: string }): boolean {
  return holder.host !== HOST || isProcessAlive(holder.pid);
}
