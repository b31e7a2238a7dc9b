/**
 * Statements the session answers without DuckDB: transaction control (no-ops for a read-only
 * gateway, but drivers and BI tools send them), SET/SHOW/RESET of the harmless settings of
 * session-settings.ts, DISCARD and DEALLOCATE. Everything else — including SET of any other
 * setting — is not recognised here and goes to the gateway, which refuses what it must.
 */
import { significant, type Token } from '../sql/sql-tokenizer.js';
import { isLocalSetting } from './session-settings.js';

export type LocalCommand =
  | { readonly kind: 'begin'; readonly tag: 'BEGIN' | 'START TRANSACTION' }
  | { readonly kind: 'commit'; readonly tag: 'COMMIT' }
  | { readonly kind: 'rollback'; readonly tag: 'ROLLBACK' }
  | { readonly kind: 'savepoint'; readonly tag: 'SAVEPOINT' | 'RELEASE' | 'ROLLBACK' }
  /** `value` undefined resets the setting. */
  | { readonly kind: 'set'; readonly name: string; readonly value: string | undefined; readonly tag: 'SET' | 'RESET' }
  | { readonly kind: 'reset-all'; readonly tag: 'RESET' }
  /** SET TRANSACTION / SET SESSION CHARACTERISTICS: accepted, nothing to change. */
  | { readonly kind: 'no-op'; readonly tag: string }
  | { readonly kind: 'show'; readonly name: string }
  | { readonly kind: 'show-all' }
  | { readonly kind: 'discard-all'; readonly tag: 'DISCARD ALL' }
  | { readonly kind: 'deallocate'; readonly name: string | undefined; readonly tag: 'DEALLOCATE' | 'DEALLOCATE ALL' };

function word(token: Token | undefined): string | undefined {
  return token?.kind === 'word' ? token.text.toLowerCase() : undefined;
}

/** The name of a setting: `foo`, `"Foo"`, `meshwork.purpose`. */
function settingName(tokens: readonly Token[], at: number): { name: string; next: number } | undefined {
  const first = tokens[at];
  if (!first || (first.kind !== 'word' && first.kind !== 'quoted')) return undefined;
  let name = first.kind === 'quoted' ? first.text.slice(1, -1) : first.text.toLowerCase();
  let next = at + 1;
  while (tokens[next]?.text === '.' && (tokens[next + 1]?.kind === 'word' || tokens[next + 1]?.kind === 'quoted')) {
    const part = tokens[next + 1]!;
    name += `.${part.kind === 'quoted' ? part.text.slice(1, -1) : part.text.toLowerCase()}`;
    next += 2;
  }
  return { name, next };
}

function unquote(token: Token): string | undefined {
  if (token.kind === 'string' && token.text.startsWith("'")) return token.text.slice(1, -1).replaceAll("''", "'");
  if (token.kind === 'word' || token.kind === 'number') return token.text;
  if (token.kind === 'quoted') return token.text.slice(1, -1).replaceAll('""', '"');
  return undefined;
}

/** `a, 'b', -3` → `a, b, -3`; undefined for anything more complex (expressions, functions). */
function settingValue(tokens: readonly Token[]): string | undefined {
  const values: string[] = [];
  let i = 0;
  while (i < tokens.length) {
    let sign = '';
    if (tokens[i]?.text === '-' || tokens[i]?.text === '+') sign = tokens[i++]!.text === '-' ? '-' : '';
    const token = tokens[i];
    const value = token && unquote(token);
    if (value === undefined || (sign && token!.kind !== 'number')) return undefined;
    values.push(sign + value);
    i++;
    if (i < tokens.length) {
      if (tokens[i]!.text !== ',') return undefined;
      i++;
    }
  }
  return values.length > 0 ? values.join(', ') : undefined;
}

function parseSet(tokens: readonly Token[]): LocalCommand | undefined {
  let at = 1;
  const scope = word(tokens[at]);
  if (scope === 'session' && word(tokens[at + 1]) === 'characteristics') return { kind: 'no-op', tag: 'SET' };
  if (scope === 'transaction') return { kind: 'no-op', tag: 'SET' };
  if (scope === 'session' || scope === 'local') at++;
  if (word(tokens[at]) === 'session' || word(tokens[at]) === 'role') return undefined; // SESSION AUTHORIZATION, ROLE
  let name: string;
  if (word(tokens[at]) === 'time' && word(tokens[at + 1]) === 'zone') {
    name = 'timezone';
    at += 2;
  } else if (word(tokens[at]) === 'names') {
    name = 'client_encoding';
    at += 1;
  } else if (word(tokens[at]) === 'schema') {
    name = 'search_path';
    at += 1;
  } else {
    const parsed = settingName(tokens, at);
    if (!parsed) return undefined;
    name = parsed.name;
    at = parsed.next;
    const op = tokens[at];
    if (op?.text !== '=' && word(op) !== 'to') return undefined;
    at++;
  }
  if (!isLocalSetting(name)) return undefined;
  const rest = tokens.slice(at);
  if (rest.length === 1 && (word(rest[0]) === 'default' || word(rest[0]) === 'local')) {
    return { kind: 'set', name, value: undefined, tag: 'SET' };
  }
  const value = settingValue(rest);
  return value === undefined ? undefined : { kind: 'set', name, value, tag: 'SET' };
}

function parseShow(tokens: readonly Token[]): LocalCommand | undefined {
  const first = word(tokens[1]);
  if (tokens.length === 2 && first === 'all') return { kind: 'show-all' };
  if (first === 'time' && word(tokens[2]) === 'zone' && tokens.length === 3) return { kind: 'show', name: 'timezone' };
  if (first === 'transaction' && word(tokens[2]) === 'isolation')
    return { kind: 'show', name: 'transaction_isolation' };
  const parsed = settingName(tokens, 1);
  if (!parsed || parsed.next !== tokens.length || !isLocalSetting(parsed.name)) return undefined;
  return { kind: 'show', name: parsed.name };
}

/** The local command a statement is, or undefined when it must go to the gateway. */
export function parseLocalCommand(statementTokens: readonly Token[]): LocalCommand | undefined {
  const tokens = significant(statementTokens);
  const first = word(tokens[0]);
  const second = word(tokens[1]);
  switch (first) {
    case 'begin':
      return { kind: 'begin', tag: 'BEGIN' };
    case 'start':
      return second === 'transaction' ? { kind: 'begin', tag: 'START TRANSACTION' } : undefined;
    case 'commit':
    case 'end':
      // COMMIT PREPARED belongs to two-phase commit, which a read-only gateway has no use for.
      return second === 'prepared' ? undefined : { kind: 'commit', tag: 'COMMIT' };
    case 'rollback':
    case 'abort':
      if (second === 'prepared') return undefined;
      if (tokens.some((t) => word(t) === 'to')) return { kind: 'savepoint', tag: 'ROLLBACK' };
      return { kind: 'rollback', tag: 'ROLLBACK' };
    case 'savepoint':
      return { kind: 'savepoint', tag: 'SAVEPOINT' };
    case 'release':
      return { kind: 'savepoint', tag: 'RELEASE' };
    case 'set':
      return parseSet(tokens);
    case 'reset': {
      if (second === 'all' && tokens.length === 2) return { kind: 'reset-all', tag: 'RESET' };
      const parsed = settingName(tokens, 1);
      if (!parsed || parsed.next !== tokens.length || !isLocalSetting(parsed.name)) return undefined;
      return { kind: 'set', name: parsed.name, value: undefined, tag: 'RESET' };
    }
    case 'show':
      return parseShow(tokens);
    case 'discard':
      if (second === 'all' && tokens.length === 2) return { kind: 'discard-all', tag: 'DISCARD ALL' };
      if (tokens.length === 2 && ['plans', 'sequences', 'temp', 'temporary'].includes(second ?? '')) {
        return { kind: 'no-op', tag: `DISCARD ${second === 'temporary' ? 'TEMP' : second!.toUpperCase()}` };
      }
      return undefined;
    case 'deallocate': {
      const at = second === 'prepare' ? 2 : 1;
      if (word(tokens[at]) === 'all' && tokens.length === at + 1) {
        return { kind: 'deallocate', name: undefined, tag: 'DEALLOCATE ALL' };
      }
      const name = tokens[at];
      if (!name || tokens.length !== at + 1) return undefined;
      const value = name.kind === 'quoted' ? name.text.slice(1, -1) : name.text.toLowerCase();
      return { kind: 'deallocate', name: value, tag: 'DEALLOCATE' };
    }
    default:
      return undefined;
  }
}
