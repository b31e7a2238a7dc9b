/**
 * A query over a deprecated port version runs, and its reader is warned first: one NoticeResponse
 * per deprecated version read, severity WARNING and SQLSTATE 01P01 (deprecated_feature), which
 * psql prints as `WARNING:`, `DETAIL:` and `HINT:` lines and drivers hand to their notice handler.
 */
import type { QueryStream } from '../../gateway/gateway-types.js';
import { deprecationNoticeText } from '../../lifecycle/deprecation-notice-text.js';
import type { SessionCore } from './session-core.js';

export function noticeDeprecations(
  session: Pick<SessionCore, 'notice'>,
  stream: Pick<QueryStream, 'deprecations'>,
): void {
  for (const notice of stream.deprecations ?? []) {
    session.notice({ severity: 'WARNING', sqlState: '01P01', ...deprecationNoticeText(notice) });
  }
}
