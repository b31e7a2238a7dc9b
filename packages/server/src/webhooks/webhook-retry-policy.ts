/**
 * When to try a failed delivery again. 2xx is delivered; 408, 429, 5xx and network failures
 * (refused, reset, timeout) are worth retrying; any other answer — a 4xx saying the request is
 * wrong, or a 3xx, since a signed body is never re-sent to another address — will not change by
 * retrying, so the delivery gives up at once. Delays grow exponentially with "equal jitter"
 * (between half and all of the step), so subscribers recovering from an outage are not hit by
 * every server in lockstep; a `Retry-After` the subscriber sent is honoured up to the maximum.
 */
export interface RetryPolicy {
  /** Attempts in all, the first one included. */
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

export type AttemptVerdict = 'delivered' | 'retry' | 'give-up';

export function verdictForStatus(status: number): AttemptVerdict {
  if (status >= 200 && status < 300) return 'delivered';
  if (status === 408 || status === 429 || status >= 500) return 'retry';
  return 'give-up';
}

/** The wait before attempt `failedAttempt + 1`. */
export function retryDelayMs(
  policy: RetryPolicy,
  failedAttempt: number,
  random: () => number,
  retryAfterMs?: number,
): number {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (failedAttempt - 1));
  const jittered = step / 2 + (step / 2) * random();
  return Math.round(Math.min(policy.maxDelayMs, Math.max(jittered, retryAfterMs ?? 0)));
}

/** `Retry-After` as seconds or an HTTP date, in milliseconds from `now`; undefined when absent or unreadable. */
export function parseRetryAfter(header: string | null, now: Date): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}
