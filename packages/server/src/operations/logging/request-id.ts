/**
 * One id per HTTP request, in every log line of the request and in the `x-request-id` response
 * header. A caller's own `x-request-id` (a proxy's, a client's) is kept when it is sane — short,
 * printable, no spaces — so one id follows the request across systems; anything else is
 * replaced, since the header lands in logs and must not carry log injection or a huge value.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const REQUEST_ID_HEADER = 'x-request-id';

const SANE_ID = /^[A-Za-z0-9][A-Za-z0-9._:@/+=-]{0,127}$/;

/** The incoming id when it is sane, else a new UUID. */
export function requestIdFor(request: Pick<IncomingMessage, 'headers'>): string {
  const incoming = request.headers[REQUEST_ID_HEADER];
  const value = Array.isArray(incoming) ? incoming[0] : incoming;
  return value !== undefined && isSaneRequestId(value) ? value : randomUUID();
}

export function isSaneRequestId(value: string): boolean {
  // A Meshwork token is never a request id, however well-formed it looks.
  return SANE_ID.test(value) && !value.startsWith('mwt_');
}
