/**
 * A deprecation notice in words, for readers of a deprecated port version: what is deprecated,
 * since and until when, and what to read instead. The wire protocol sends it as a NoticeResponse
 * (psql prints `WARNING:`, `DETAIL:` and `HINT:` lines), the CLI prints it on stderr.
 */
import { isoDay } from './port-deprecation.js';
import type { DeprecationNotice } from './relation-deprecations.js';

export interface DeprecationNoticeText {
  readonly message: string;
  readonly detail: string;
  readonly hint?: string;
}

export function deprecationNoticeText(notice: DeprecationNotice): DeprecationNoticeText {
  const what = `${notice.relation} (${notice.productId} ${notice.port} v${notice.major})`;
  const until = notice.endOfLife ? `and will be retired on ${isoDay(notice.endOfLife)}` : 'with no retirement date yet';
  const to = notice.replacement ? replacementText(notice.replacement) : undefined;
  return {
    message: `${what} is deprecated ${until}${to ? `; use ${to} instead` : ''}`,
    detail: `MW8880: ${notice.productId} ${notice.port} v${notice.major} is deprecated${notice.deprecatedSince ? ` since ${isoDay(notice.deprecatedSince)}` : ''}; after its endOfLife it is neither built nor served, and queries naming it fail (MW5006).`,
    ...(to ? { hint: `Move your queries to ${to}; \`mesh diff\` and its contract list what changed.` } : {}),
  };
}

function replacementText(replacement: NonNullable<DeprecationNotice['replacement']>): string {
  const version = `${replacement.port} v${replacement.major}`;
  return replacement.relation ? `${replacement.relation} (${version})` : version;
}
