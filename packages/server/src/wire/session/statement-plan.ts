/**
 * What to do with one statement: nothing (empty), answer it locally (transaction control, SET/SHOW
 * of session settings), ask the introspection catalog, or send it to the gateway. The gateway is
 * the default: anything not recognised as harmless goes there and is refused there if it must be.
 */
import { isCatalogQuery } from '../introspection/catalog-detector.js';
import type { SqlStatement } from '../sql/split-statements.js';
import { parseLocalCommand, type LocalCommand } from './local-commands.js';

export type StatementPlan =
  | { readonly kind: 'empty' }
  | { readonly kind: 'local'; readonly command: LocalCommand }
  | {
      readonly kind: 'query';
      readonly target: 'gateway' | 'catalog';
      readonly statement: SqlStatement;
      /** Highest `$n` in the text: the parameter count clients may bind. */
      readonly parameterCount: number;
    };

export function planStatement(statement: SqlStatement | undefined): StatementPlan {
  if (!statement) return { kind: 'empty' };
  const command = parseLocalCommand(statement.tokens);
  if (command) return { kind: 'local', command };
  let parameterCount = 0;
  for (const token of statement.tokens) {
    if (token.kind === 'param') parameterCount = Math.max(parameterCount, Number(token.text.slice(1)));
  }
  return {
    kind: 'query',
    target: isCatalogQuery(statement.tokens) ? 'catalog' : 'gateway',
    statement,
    parameterCount,
  };
}
