/**
 * Reads a PostgreSQL connection URL once, at the edge: checks it, names the target for messages
 * without the password, and remembers what must be scrubbed from any driver error.
 */
import { InputError } from '@meshwork/core';

export interface PostgresTarget {
  readonly url: string;
  readonly schema: string;
  /** `postgres://user@host:port/database (schema x)` — safe for logs and errors. */
  readonly description: string;
  /** Strings that must never appear in a message. */
  readonly secrets: readonly string[];
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export function parsePostgresTarget(url: string, schema = 'public'): PostgresTarget {
  let parsed: URL;
  try {
    parsed = new URL(withSocketPlaceholder(url));
  } catch {
    // Never echo the input: a malformed URL may still contain a password.
    throw new InputError(
      'MW6109',
      'The PostgreSQL metadata store URL is not a valid URL; expected postgres://user:password@host:port/database.',
    );
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new InputError(
      'MW6109',
      `The PostgreSQL metadata store URL must start with postgres://, not ${parsed.protocol}//.`,
    );
  }
  if (typeof schema !== 'string' || !SCHEMA_NAME.test(schema)) {
    throw new InputError(
      'MW6109',
      `The PostgreSQL schema ${JSON.stringify(schema)} is not a plain lowercase identifier (letters, digits, underscores; at most 63).`,
    );
  }
  const secrets = [parsed.password, safeDecode(parsed.password), parsed.searchParams.get('password') ?? ''];
  return { url, schema, description: describe(parsed, schema), secrets: secrets.filter((s) => s.length > 0) };
}

const SOCKET_PLACEHOLDER = 'unix-socket.invalid';

/**
 * `postgres://user@/db?host=/run/postgresql` (a Unix socket) is valid for libpq and pg, but not
 * for WHATWG URL, which wants a host after credentials; parse it with a placeholder host.
 */
function withSocketPlaceholder(url: string): string {
  return url.replace(/^(postgres(?:ql)?:\/\/[^/?#]*@)(?=[/?#]|$)/, `$1${SOCKET_PLACEHOLDER}`);
}

function describe(url: URL, schema: string): string {
  const user = url.username ? `${safeDecode(url.username)}@` : '';
  const host = url.hostname === SOCKET_PLACEHOLDER ? '' : url.host;
  // Of the query only the socket directory is kept: the query may also carry a password.
  const socket = url.searchParams.get('host');
  const query = socket ? `?host=${socket}` : '';
  return `postgres://${user}${host}${url.pathname}${query} (schema ${schema})`;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
