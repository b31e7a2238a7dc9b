/**
 * Names in the catalog: namespace levels and table names are lowercase letters, digits, `_` and
 * `-`, like the gateway's SQL names — they become folder names under the warehouse, so nothing
 * may escape it, collide on a case-insensitive disk or need quoting in an engine's SQL. In a
 * path, the levels of a namespace are joined with the unit separator (`%1F`), as the spec says.
 */
import { InputError } from '@meshwork/core';

const NAME = /^[a-z0-9_][a-z0-9_-]{0,127}$/;
const MAX_LEVELS = 16;
/** The spec's default namespace separator (0x1F, `%1F` in a URL); this catalog advertises no other. */
export const NAMESPACE_SEPARATOR = '\u001f';

export type Namespace = readonly string[];

function checkName(value: unknown, what: string): string {
  if (typeof value !== 'string' || !NAME.test(value)) {
    throw new InputError(
      'MW8251',
      `${what} ${JSON.stringify(value)} is not a valid name: use lowercase letters, digits, _ and - (at most 128, not starting with -)`,
    );
  }
  return value;
}

/** Levels from a request body (`at` is the JSON pointer of the array, for messages). */
export function checkNamespace(value: unknown, at: string): Namespace {
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_LEVELS) {
    throw new InputError('MW8251', `${at}: a namespace is an array of 1 to ${MAX_LEVELS} levels`);
  }
  return value.map((level: unknown, index) => checkName(level, `${at}/${index}: namespace level`));
}

/** Levels from a path segment or the `parent` query parameter (already percent-decoded). */
export function namespaceFromPath(segment: string): Namespace {
  return checkNamespace(segment.split(NAMESPACE_SEPARATOR), 'namespace');
}

export function checkTableName(value: unknown): string {
  return checkName(value, 'table name');
}

/** `staging.crm`, for messages and audit resources. */
export function namespaceLabel(namespace: Namespace): string {
  return namespace.join('.');
}

export function tableLabel(namespace: Namespace, table: string): string {
  return `${namespaceLabel(namespace)}.${table}`;
}
