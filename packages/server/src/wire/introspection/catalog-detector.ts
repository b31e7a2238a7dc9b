/**
 * Decides whether a statement asks about the database rather than about data: it names
 * pg_catalog or information_schema, a pg_catalog relation without its schema (`FROM pg_class`),
 * a catalog function (`version()`, `current_schema()`, `pg_table_is_visible(…)`), a session
 * keyword (`current_user`) or casts to a reg* type. Such statements run against the principal's
 * data-free introspection catalog, never the gateway.
 */
import { identifierName, significant, type Token } from '../sql/sql-tokenizer.js';

/** pg_catalog relations tools name without the schema. */
export const CATALOG_RELATIONS: ReadonlySet<string> = new Set([
  'pg_am',
  'pg_attrdef',
  'pg_attribute',
  'pg_auth_members',
  'pg_authid',
  'pg_class',
  'pg_collation',
  'pg_constraint',
  'pg_database',
  'pg_depend',
  'pg_description',
  'pg_enum',
  'pg_extension',
  'pg_foreign_table',
  'pg_index',
  'pg_indexes',
  'pg_inherits',
  'pg_language',
  'pg_matviews',
  'pg_namespace',
  'pg_operator',
  'pg_policy',
  'pg_proc',
  'pg_range',
  'pg_rewrite',
  'pg_roles',
  'pg_sequence',
  'pg_sequences',
  'pg_settings',
  'pg_shdescription',
  'pg_stat_activity',
  'pg_statistic_ext',
  'pg_tables',
  'pg_tablespace',
  'pg_trigger',
  'pg_type',
  'pg_user',
  'pg_views',
]);

/** Functions answered by the catalog (besides every `pg_*` function). */
const CATALOG_FUNCTIONS: ReadonlySet<string> = new Set([
  'version',
  'current_database',
  'current_schema',
  'current_schemas',
  'current_setting',
  'obj_description',
  'col_description',
  'shobj_description',
  'format_type',
  'has_table_privilege',
  'has_schema_privilege',
  'has_database_privilege',
  'has_column_privilege',
  'has_any_column_privilege',
  'has_function_privilege',
  'to_regclass',
  'to_regtype',
  'to_regnamespace',
  'txid_current',
  'inet_server_addr',
  'inet_server_port',
]);

/** Keywords that read the session, not data (`SELECT current_user`). */
export const SESSION_KEYWORDS: ReadonlySet<string> = new Set([
  'current_user',
  'session_user',
  'current_role',
  'current_catalog',
  'current_schema',
  'user',
]);

export const REG_TYPES: ReadonlySet<string> = new Set([
  'regclass',
  'regtype',
  'regnamespace',
  'regproc',
  'regprocedure',
  'regrole',
  'regoper',
  'regoperator',
  'regconfig',
  'regdictionary',
  'regcollation',
]);

export function isCatalogQuery(tokens: readonly Token[]): boolean {
  const t = significant(tokens);
  for (let i = 0; i < t.length; i++) {
    const token = t[i]!;
    const name = identifierName(token);
    if (name === undefined) continue;
    if (name === 'pg_catalog' || name === 'information_schema') return true;
    const previous = t[i - 1]?.text;
    const next = t[i + 1]?.text;
    if (previous === '.') continue;
    if (previous === '::' && REG_TYPES.has(name)) return true;
    if (token.kind !== 'word') continue;
    if (CATALOG_RELATIONS.has(name) && next !== '(') return true;
    if (next === '(' && (name.startsWith('pg_') || CATALOG_FUNCTIONS.has(name))) return true;
    if (SESSION_KEYWORDS.has(name) && next !== '(' && next !== '.') return true;
  }
  return false;
}
