/**
 * How runs and incidents read on the page: durations in words, times in UTC, and the failed
 * checks of a run record (stored as plain JSON, so read defensively).
 */
import type { FailedCheck, Run } from './operations-types.js';

/** `2026-11-21 22:29 UTC`. */
export function formatWhen(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** `850 ms`, `12.4 s`, `3 min 5 s`, `2 h 10 min`, `3 d 4 h`. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 60) return `${minutes} min ${Math.floor((ms % 60_000) / 1000)} s`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

/** Wall time of a finished run; null while it runs. */
export function runDuration(run: Pick<Run, 'startedAt' | 'finishedAt'>): number | null {
  if (run.finishedAt === null) return null;
  return Math.max(0, Date.parse(run.finishedAt) - Date.parse(run.startedAt));
}

/** The checks that failed or erred, blocking ones first (they stopped the publish). */
export function failedChecksOf(checks: readonly unknown[]): FailedCheck[] {
  const failed: FailedCheck[] = [];
  for (const check of checks) {
    if (typeof check !== 'object' || check === null) continue;
    const c = check as Record<string, unknown>;
    if (c.status !== 'failed' && c.status !== 'error') continue;
    const text = (key: string) => (typeof c[key] === 'string' ? (c[key] as string) : undefined);
    const observed = typeof c.observed === 'number' ? c.observed : text('observed');
    failed.push({
      id: text('id') ?? '(unnamed check)',
      status: c.status,
      blocking: c.blocking === true,
      message: text('message') ?? '',
      ...(text('port') ? { port: text('port') } : {}),
      ...(text('column') ? { column: text('column') } : {}),
      ...(text('rule') ? { rule: text('rule') } : {}),
      ...(observed !== undefined ? { observed } : {}),
      ...(text('threshold') ? { threshold: text('threshold') } : {}),
    });
  }
  return [...failed.filter((c) => c.blocking), ...failed.filter((c) => !c.blocking)];
}
