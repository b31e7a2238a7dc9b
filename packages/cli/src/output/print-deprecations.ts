/**
 * Deprecation notices of a query on stderr, before its result: what is deprecated, until when,
 * and what to read instead — `mesh query` and `mesh sql` tell what psql and HTTP clients are told.
 */
import { deprecationNoticeText, type QueryStream } from '@meshwork/server';
import type { CliOutput } from './cli-output.js';

export function printDeprecations(out: CliOutput, stream: Pick<QueryStream, 'deprecations'>): void {
  for (const notice of stream.deprecations ?? []) {
    const text = deprecationNoticeText(notice);
    out.error(`${out.style.yellow('warning')} ${text.message}`);
    out.error(`  ${text.detail}`);
    if (text.hint) out.error(`  hint: ${text.hint}`);
  }
}
