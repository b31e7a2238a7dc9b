/**
 * The emulated pg_catalog and information_schema: tables with PostgreSQL's column names and
 * types (the ones psql, pgjdbc and BI tools read), and macros for the catalog functions they
 * call. They live in two schemas of the principal's catalog database; the rewriter points
 * `pg_catalog.x` / `information_schema.x` at them, and the search path finds unqualified names.
 * DuckDB's own pg_catalog emulation would answer with DuckDB's type names and OIDs; this one
 * answers like PostgreSQL 16.
 */

export const PG_CATALOG = '_mw_pg_catalog';
export const INFORMATION_SCHEMA = '_mw_information_schema';

/** pg_catalog tables: name → column definitions. Those not filled by catalog-rows.ts stay empty. */
export const PG_CATALOG_TABLES: Readonly<Record<string, string>> = {
  pg_namespace: 'oid BIGINT, nspname VARCHAR, nspowner BIGINT, nspacl VARCHAR[]',
  pg_class:
    'oid BIGINT, relname VARCHAR, relnamespace BIGINT, reltype BIGINT, reloftype BIGINT, relowner BIGINT, relam BIGINT, relfilenode BIGINT, reltablespace BIGINT, relpages INTEGER, reltuples REAL, relallvisible INTEGER, reltoastrelid BIGINT, relhasindex BOOLEAN, relisshared BOOLEAN, relpersistence VARCHAR, relkind VARCHAR, relnatts SMALLINT, relchecks SMALLINT, relhasrules BOOLEAN, relhastriggers BOOLEAN, relhassubclass BOOLEAN, relrowsecurity BOOLEAN, relforcerowsecurity BOOLEAN, relispopulated BOOLEAN, relreplident VARCHAR, relispartition BOOLEAN, relrewrite BIGINT, relfrozenxid BIGINT, relminmxid BIGINT, relacl VARCHAR[], reloptions VARCHAR[], relpartbound VARCHAR',
  pg_attribute:
    'attrelid BIGINT, attname VARCHAR, atttypid BIGINT, attstattarget INTEGER, attlen SMALLINT, attnum SMALLINT, attndims INTEGER, attcacheoff INTEGER, atttypmod INTEGER, attbyval BOOLEAN, attalign VARCHAR, attstorage VARCHAR, attcompression VARCHAR, attnotnull BOOLEAN, atthasdef BOOLEAN, atthasmissing BOOLEAN, attidentity VARCHAR, attgenerated VARCHAR, attisdropped BOOLEAN, attislocal BOOLEAN, attinhcount INTEGER, attcollation BIGINT, attacl VARCHAR[], attoptions VARCHAR[], attfdwoptions VARCHAR[], attmissingval VARCHAR',
  pg_type:
    'oid BIGINT, typname VARCHAR, typnamespace BIGINT, typowner BIGINT, typlen SMALLINT, typbyval BOOLEAN, typtype VARCHAR, typcategory VARCHAR, typispreferred BOOLEAN, typisdefined BOOLEAN, typdelim VARCHAR, typrelid BIGINT, typsubscript VARCHAR, typelem BIGINT, typarray BIGINT, typinput VARCHAR, typoutput VARCHAR, typreceive VARCHAR, typsend VARCHAR, typmodin VARCHAR, typmodout VARCHAR, typanalyze VARCHAR, typalign VARCHAR, typstorage VARCHAR, typnotnull BOOLEAN, typbasetype BIGINT, typtypmod INTEGER, typndims INTEGER, typcollation BIGINT, typdefaultbin VARCHAR, typdefault VARCHAR, typacl VARCHAR[]',
  pg_description: 'objoid BIGINT, classoid BIGINT, objsubid INTEGER, description VARCHAR',
  pg_shdescription: 'objoid BIGINT, classoid BIGINT, description VARCHAR',
  pg_database:
    'oid BIGINT, datname VARCHAR, datdba BIGINT, encoding INTEGER, datlocprovider VARCHAR, datistemplate BOOLEAN, datallowconn BOOLEAN, datconnlimit INTEGER, datfrozenxid BIGINT, datminmxid BIGINT, dattablespace BIGINT, datcollate VARCHAR, datctype VARCHAR, daticulocale VARCHAR, daticurules VARCHAR, datlocale VARCHAR, datcollversion VARCHAR, datacl VARCHAR[]',
  pg_am: 'oid BIGINT, amname VARCHAR, amhandler VARCHAR, amtype VARCHAR',
  pg_roles:
    'oid BIGINT, rolname VARCHAR, rolsuper BOOLEAN, rolinherit BOOLEAN, rolcreaterole BOOLEAN, rolcreatedb BOOLEAN, rolcanlogin BOOLEAN, rolreplication BOOLEAN, rolconnlimit INTEGER, rolpassword VARCHAR, rolvaliduntil TIMESTAMPTZ, rolbypassrls BOOLEAN, rolconfig VARCHAR[]',
  pg_user:
    'usename VARCHAR, usesysid BIGINT, usecreatedb BOOLEAN, usesuper BOOLEAN, userepl BOOLEAN, usebypassrls BOOLEAN, passwd VARCHAR, valuntil TIMESTAMPTZ, useconfig VARCHAR[]',
  pg_settings:
    'name VARCHAR, setting VARCHAR, unit VARCHAR, category VARCHAR, short_desc VARCHAR, extra_desc VARCHAR, context VARCHAR, vartype VARCHAR, source VARCHAR, min_val VARCHAR, max_val VARCHAR, enumvals VARCHAR[], boot_val VARCHAR, reset_val VARCHAR, sourcefile VARCHAR, sourceline INTEGER, pending_restart BOOLEAN',
  pg_tablespace: 'oid BIGINT, spcname VARCHAR, spcowner BIGINT, spcacl VARCHAR[], spcoptions VARCHAR[]',
  pg_collation:
    'oid BIGINT, collname VARCHAR, collnamespace BIGINT, collowner BIGINT, collprovider VARCHAR, collisdeterministic BOOLEAN, collencoding INTEGER, collcollate VARCHAR, collctype VARCHAR, colliculocale VARCHAR, collicurules VARCHAR, collversion VARCHAR',
  pg_index:
    'indexrelid BIGINT, indrelid BIGINT, indnatts SMALLINT, indnkeyatts SMALLINT, indisunique BOOLEAN, indnullsnotdistinct BOOLEAN, indisprimary BOOLEAN, indisexclusion BOOLEAN, indimmediate BOOLEAN, indisclustered BOOLEAN, indisvalid BOOLEAN, indcheckxmin BOOLEAN, indisready BOOLEAN, indislive BOOLEAN, indisreplident BOOLEAN, indkey SMALLINT[], indcollation BIGINT[], indclass BIGINT[], indoption SMALLINT[], indexprs VARCHAR, indpred VARCHAR',
  pg_constraint:
    'oid BIGINT, conname VARCHAR, connamespace BIGINT, contype VARCHAR, condeferrable BOOLEAN, condeferred BOOLEAN, convalidated BOOLEAN, conrelid BIGINT, contypid BIGINT, conindid BIGINT, conparentid BIGINT, confrelid BIGINT, confupdtype VARCHAR, confdeltype VARCHAR, confmatchtype VARCHAR, conislocal BOOLEAN, coninhcount INTEGER, connoinherit BOOLEAN, conkey SMALLINT[], confkey SMALLINT[], conpfeqop BIGINT[], conppeqop BIGINT[], conffeqop BIGINT[], confdelsetcols SMALLINT[], conexclop BIGINT[], conbin VARCHAR',
  pg_attrdef: 'oid BIGINT, adrelid BIGINT, adnum SMALLINT, adbin VARCHAR',
  pg_policy:
    'oid BIGINT, polname VARCHAR, polrelid BIGINT, polcmd VARCHAR, polpermissive BOOLEAN, polroles BIGINT[], polqual VARCHAR, polwithcheck VARCHAR',
  pg_statistic_ext:
    'oid BIGINT, stxrelid BIGINT, stxname VARCHAR, stxnamespace BIGINT, stxowner BIGINT, stxstattarget INTEGER, stxkeys SMALLINT[], stxkind VARCHAR[], stxexprs VARCHAR',
  pg_publication:
    'oid BIGINT, pubname VARCHAR, pubowner BIGINT, puballtables BOOLEAN, pubinsert BOOLEAN, pubupdate BOOLEAN, pubdelete BOOLEAN, pubtruncate BOOLEAN, pubviaroot BOOLEAN',
  pg_publication_namespace: 'oid BIGINT, pnpubid BIGINT, pnnspid BIGINT',
  pg_publication_rel: 'oid BIGINT, prpubid BIGINT, prrelid BIGINT, prqual VARCHAR, prattrs SMALLINT[]',
  pg_inherits: 'inhrelid BIGINT, inhparent BIGINT, inhseqno INTEGER, inhdetachpending BOOLEAN',
  pg_trigger:
    'oid BIGINT, tgrelid BIGINT, tgparentid BIGINT, tgname VARCHAR, tgfoid BIGINT, tgtype SMALLINT, tgenabled VARCHAR, tgisinternal BOOLEAN, tgconstrrelid BIGINT, tgconstrindid BIGINT, tgconstraint BIGINT, tgdeferrable BOOLEAN, tginitdeferred BOOLEAN, tgnargs SMALLINT, tgattr SMALLINT[], tgargs VARCHAR, tgqual VARCHAR, tgoldtable VARCHAR, tgnewtable VARCHAR',
  pg_rewrite:
    'oid BIGINT, rulename VARCHAR, ev_class BIGINT, ev_type VARCHAR, ev_enabled VARCHAR, is_instead BOOLEAN, ev_qual VARCHAR, ev_action VARCHAR',
  pg_proc:
    'oid BIGINT, proname VARCHAR, pronamespace BIGINT, proowner BIGINT, prolang BIGINT, procost REAL, prorows REAL, provariadic BIGINT, prosupport VARCHAR, prokind VARCHAR, prosecdef BOOLEAN, proleakproof BOOLEAN, proisstrict BOOLEAN, proretset BOOLEAN, provolatile VARCHAR, proparallel VARCHAR, pronargs SMALLINT, pronargdefaults SMALLINT, prorettype BIGINT, proargtypes VARCHAR, proallargtypes BIGINT[], proargmodes VARCHAR[], proargnames VARCHAR[], proargdefaults VARCHAR, protrftypes BIGINT[], prosrc VARCHAR, probin VARCHAR, prosqlbody VARCHAR, proconfig VARCHAR[], proacl VARCHAR[]',
  pg_extension:
    'oid BIGINT, extname VARCHAR, extowner BIGINT, extnamespace BIGINT, extrelocatable BOOLEAN, extversion VARCHAR, extconfig BIGINT[], extcondition VARCHAR[]',
  pg_depend:
    'classid BIGINT, objid BIGINT, objsubid INTEGER, refclassid BIGINT, refobjid BIGINT, refobjsubid INTEGER, deptype VARCHAR',
  pg_sequence:
    'seqrelid BIGINT, seqtypid BIGINT, seqstart BIGINT, seqincrement BIGINT, seqmax BIGINT, seqmin BIGINT, seqcache BIGINT, seqcycle BOOLEAN',
  pg_enum: 'oid BIGINT, enumtypid BIGINT, enumsortorder REAL, enumlabel VARCHAR',
  pg_range:
    'rngtypid BIGINT, rngsubtype BIGINT, rngmultitypid BIGINT, rngcollation BIGINT, rngsubopc BIGINT, rngcanonical VARCHAR, rngsubdiff VARCHAR',
  pg_foreign_table: 'ftrelid BIGINT, ftserver BIGINT, ftoptions VARCHAR[]',
  pg_partitioned_table:
    'partrelid BIGINT, partstrat VARCHAR, partnatts SMALLINT, partdefid BIGINT, partattrs SMALLINT[], partclass BIGINT[], partcollation BIGINT[], partexprs VARCHAR',
  pg_language:
    'oid BIGINT, lanname VARCHAR, lanowner BIGINT, lanispl BOOLEAN, lanpltrusted BOOLEAN, lanplcallfoid BIGINT, laninline BIGINT, lanvalidator BIGINT, lanacl VARCHAR[]',
  pg_operator:
    'oid BIGINT, oprname VARCHAR, oprnamespace BIGINT, oprowner BIGINT, oprkind VARCHAR, oprcanmerge BOOLEAN, oprcanhash BOOLEAN, oprleft BIGINT, oprright BIGINT, oprresult BIGINT, oprcom BIGINT, oprnegate BIGINT, oprcode VARCHAR, oprrest VARCHAR, oprjoin VARCHAR',
  pg_auth_members:
    'oid BIGINT, roleid BIGINT, member BIGINT, grantor BIGINT, admin_option BOOLEAN, inherit_option BOOLEAN, set_option BOOLEAN',
  pg_stat_activity:
    'datid BIGINT, datname VARCHAR, pid INTEGER, leader_pid INTEGER, usesysid BIGINT, usename VARCHAR, application_name VARCHAR, client_addr VARCHAR, client_hostname VARCHAR, client_port INTEGER, backend_start TIMESTAMPTZ, xact_start TIMESTAMPTZ, query_start TIMESTAMPTZ, state_change TIMESTAMPTZ, wait_event_type VARCHAR, wait_event VARCHAR, state VARCHAR, backend_xid BIGINT, backend_xmin BIGINT, query_id BIGINT, query VARCHAR, backend_type VARCHAR',
  pg_event_trigger:
    'oid BIGINT, evtname VARCHAR, evtevent VARCHAR, evtowner BIGINT, evtfoid BIGINT, evtenabled VARCHAR, evttags VARCHAR[]',
  pg_cast: 'oid BIGINT, castsource BIGINT, casttarget BIGINT, castfunc BIGINT, castcontext VARCHAR, castmethod VARCHAR',
  pg_opclass:
    'oid BIGINT, opcmethod BIGINT, opcname VARCHAR, opcnamespace BIGINT, opcowner BIGINT, opcfamily BIGINT, opcintype BIGINT, opcdefault BOOLEAN, opckeytype BIGINT',
  pg_views: 'schemaname VARCHAR, viewname VARCHAR, viewowner VARCHAR, definition VARCHAR',
  pg_matviews:
    'schemaname VARCHAR, matviewname VARCHAR, matviewowner VARCHAR, tablespace VARCHAR, hasindexes BOOLEAN, ispopulated BOOLEAN, definition VARCHAR',
  pg_indexes: 'schemaname VARCHAR, tablename VARCHAR, indexname VARCHAR, tablespace VARCHAR, indexdef VARCHAR',
  pg_sequences:
    'schemaname VARCHAR, sequencename VARCHAR, sequenceowner VARCHAR, data_type VARCHAR, start_value BIGINT, min_value BIGINT, max_value BIGINT, increment_by BIGINT, cycle BOOLEAN, cache_size BIGINT, last_value BIGINT',
  // Internal lookup tables of the macros below.
  mw_type_names: 'oid BIGINT, sqlname VARCHAR',
  mw_regclass: 'oid BIGINT, name VARCHAR, lookup VARCHAR',
};

export const PG_CATALOG_VIEWS: Readonly<Record<string, string>> = {
  pg_tables: `SELECT n.nspname AS schemaname, c.relname AS tablename, 'meshwork' AS tableowner,
    NULL::VARCHAR AS tablespace, false AS hasindexes, false AS hasrules, false AS hastriggers,
    false AS rowsecurity
    FROM ${PG_CATALOG}.pg_class c JOIN ${PG_CATALOG}.pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'p')`,
};

const TEXT = 'NULL::VARCHAR';

/** Catalog functions as DuckDB macros (overloads by arity). `$DB` and `$USER` are substituted. */
export const PG_CATALOG_MACROS: Readonly<Record<string, string>> = {
  version: `() AS 'PostgreSQL 16.0 (Meshwork) on x86_64-pc-linux-gnu, 64-bit'`,
  current_database: `() AS $DB`,
  current_schema: `() AS 'public'`,
  current_schemas: `(implicit) AS CASE WHEN implicit THEN ['pg_catalog', 'public'] ELSE ['public'] END`,
  current_setting: `(setting_name) AS (SELECT setting FROM ${PG_CATALOG}.pg_settings WHERE lower(name) = lower(setting_name)),
    (setting_name, missing_ok) AS (SELECT setting FROM ${PG_CATALOG}.pg_settings WHERE lower(name) = lower(setting_name))`,
  mw_current_user: `() AS $USER`,
  pg_backend_pid: `() AS 0`,
  pg_get_userbyid: `(role_oid) AS coalesce((SELECT rolname FROM ${PG_CATALOG}.pg_roles WHERE oid = role_oid), 'unknown (OID=' || role_oid || ')')`,
  pg_table_is_visible: `(x) AS true`,
  pg_type_is_visible: `(x) AS true`,
  pg_function_is_visible: `(x) AS true`,
  pg_is_other_temp_schema: `(x) AS false`,
  pg_my_temp_schema: `() AS 0::BIGINT`,
  pg_is_in_recovery: `() AS false`,
  pg_jit_available: `() AS false`,
  pg_postmaster_start_time: `() AS TIMESTAMPTZ '2000-01-01 00:00:00+00'`,
  pg_encoding_to_char: `(e) AS 'UTF8'`,
  pg_char_to_encoding: `(e) AS 6`,
  format_type: `(type_oid, typemod) AS CASE
      WHEN type_oid IS NULL THEN NULL
      WHEN type_oid = 1700 AND typemod >= 4 THEN 'numeric(' || ((typemod - 4) >> 16) || ',' || ((typemod - 4) & 65535) || ')'
      ELSE coalesce((SELECT sqlname FROM ${PG_CATALOG}.mw_type_names WHERE oid = type_oid), '???') END`,
  obj_description: `(object_oid) AS (SELECT description FROM ${PG_CATALOG}.pg_description WHERE objoid = object_oid AND objsubid = 0 LIMIT 1),
    (object_oid, catalog_name) AS (SELECT description FROM ${PG_CATALOG}.pg_description WHERE objoid = object_oid AND objsubid = 0 LIMIT 1)`,
  col_description: `(table_oid, column_number) AS (SELECT description FROM ${PG_CATALOG}.pg_description WHERE objoid = table_oid AND objsubid = column_number LIMIT 1)`,
  shobj_description: `(a, b) AS ${TEXT}`,
  pg_get_expr: `(a, b) AS ${TEXT}, (a, b, c) AS ${TEXT}`,
  pg_get_indexdef: `(a) AS ${TEXT}, (a, b, c) AS ${TEXT}`,
  pg_get_constraintdef: `(a) AS ${TEXT}, (a, b) AS ${TEXT}`,
  pg_get_viewdef: `(a) AS ${TEXT}, (a, b) AS ${TEXT}`,
  pg_get_triggerdef: `(a) AS ${TEXT}, (a, b) AS ${TEXT}`,
  pg_get_ruledef: `(a) AS ${TEXT}, (a, b) AS ${TEXT}`,
  pg_get_functiondef: `(a) AS ${TEXT}`,
  pg_get_function_arguments: `(a) AS ${TEXT}`,
  pg_get_function_identity_arguments: `(a) AS ${TEXT}`,
  pg_get_function_result: `(a) AS ${TEXT}`,
  pg_get_statisticsobjdef_columns: `(a) AS ${TEXT}`,
  pg_get_partkeydef: `(a) AS ${TEXT}`,
  pg_get_serial_sequence: `(a, b) AS ${TEXT}`,
  pg_tablespace_location: `(a) AS ''`,
  pg_relation_is_publishable: `(a) AS false`,
  pg_table_size: `(a) AS 0::BIGINT`,
  pg_relation_size: `(a) AS 0::BIGINT, (a, b) AS 0::BIGINT`,
  pg_total_relation_size: `(a) AS 0::BIGINT`,
  pg_indexes_size: `(a) AS 0::BIGINT`,
  pg_database_size: `(a) AS 0::BIGINT`,
  has_table_privilege: `(a, b) AS true, (a, b, c) AS true`,
  has_schema_privilege: `(a, b) AS true, (a, b, c) AS true`,
  has_database_privilege: `(a, b) AS true, (a, b, c) AS true`,
  has_column_privilege: `(a, b, c) AS true, (a, b, c, d) AS true`,
  has_any_column_privilege: `(a, b) AS true, (a, b, c) AS true`,
  has_function_privilege: `(a, b) AS true, (a, b, c) AS true`,
  has_sequence_privilege: `(a, b) AS true, (a, b, c) AS true`,
  array_upper: `(arr, dimension) AS CASE WHEN len(arr) = 0 THEN NULL ELSE len(arr) END`,
  array_lower: `(arr, dimension) AS CASE WHEN len(arr) = 0 THEN NULL ELSE 1 END`,
  quote_ident: `(x) AS CASE WHEN regexp_full_match(x, '[a-z_][a-z0-9_$]*') THEN x ELSE '"' || replace(x, '"', '""') || '"' END`,
  txid_current: `() AS 1::BIGINT`,
  inet_server_addr: `() AS ${TEXT}`,
  inet_server_port: `() AS NULL::INTEGER`,
  mw_regclass_oid: `(x) AS (SELECT oid FROM ${PG_CATALOG}.mw_regclass WHERE lookup = replace(x, '"', '') LIMIT 1)`,
  mw_regclass_name: `(x) AS coalesce((SELECT name FROM ${PG_CATALOG}.mw_regclass WHERE oid = x LIMIT 1), CAST(x AS VARCHAR))`,
  mw_regtype_oid: `(x) AS (SELECT t.oid FROM ${PG_CATALOG}.pg_type t JOIN ${PG_CATALOG}.mw_type_names n ON n.oid = t.oid WHERE t.typname = x OR n.sqlname = x LIMIT 1)`,
  mw_regtype_name: `(x) AS ${PG_CATALOG}.format_type(x, NULL)`,
  mw_regnamespace_oid: `(x) AS (SELECT oid FROM ${PG_CATALOG}.pg_namespace WHERE nspname = replace(x, '"', '') LIMIT 1)`,
  mw_regnamespace_name: `(x) AS coalesce((SELECT nspname FROM ${PG_CATALOG}.pg_namespace WHERE oid = x LIMIT 1), CAST(x AS VARCHAR))`,
  mw_regrole_oid: `(x) AS (SELECT oid FROM ${PG_CATALOG}.pg_roles WHERE rolname = replace(x, '"', '') LIMIT 1)`,
  mw_regrole_name: `(x) AS ${PG_CATALOG}.pg_get_userbyid(x)`,
  mw_regproc_oid: `(x) AS NULL::BIGINT`,
  mw_regproc_name: `(x) AS CASE WHEN x = 0 THEN '-' ELSE CAST(x AS VARCHAR) END`,
  // After the macros they call: DuckDB resolves a macro's body when it is created.
  to_regclass: `(x) AS ${PG_CATALOG}.mw_regclass_oid(x)`,
  to_regtype: `(x) AS ${PG_CATALOG}.mw_regtype_oid(x)`,
  to_regnamespace: `(x) AS ${PG_CATALOG}.mw_regnamespace_oid(x)`,
};

export const INFORMATION_SCHEMA_TABLES: Readonly<Record<string, string>> = {
  schemata:
    'catalog_name VARCHAR, schema_name VARCHAR, schema_owner VARCHAR, default_character_set_catalog VARCHAR, default_character_set_schema VARCHAR, default_character_set_name VARCHAR, sql_path VARCHAR',
  tables:
    'table_catalog VARCHAR, table_schema VARCHAR, table_name VARCHAR, table_type VARCHAR, self_referencing_column_name VARCHAR, reference_generation VARCHAR, user_defined_type_catalog VARCHAR, user_defined_type_schema VARCHAR, user_defined_type_name VARCHAR, is_insertable_into VARCHAR, is_typed VARCHAR, commit_action VARCHAR',
  columns:
    'table_catalog VARCHAR, table_schema VARCHAR, table_name VARCHAR, column_name VARCHAR, ordinal_position INTEGER, column_default VARCHAR, is_nullable VARCHAR, data_type VARCHAR, character_maximum_length INTEGER, character_octet_length INTEGER, numeric_precision INTEGER, numeric_precision_radix INTEGER, numeric_scale INTEGER, datetime_precision INTEGER, interval_type VARCHAR, interval_precision INTEGER, character_set_catalog VARCHAR, character_set_schema VARCHAR, character_set_name VARCHAR, collation_catalog VARCHAR, collation_schema VARCHAR, collation_name VARCHAR, domain_catalog VARCHAR, domain_schema VARCHAR, domain_name VARCHAR, udt_catalog VARCHAR, udt_schema VARCHAR, udt_name VARCHAR, scope_catalog VARCHAR, scope_schema VARCHAR, scope_name VARCHAR, maximum_cardinality INTEGER, dtd_identifier VARCHAR, is_self_referencing VARCHAR, is_identity VARCHAR, identity_generation VARCHAR, identity_start VARCHAR, identity_increment VARCHAR, identity_maximum VARCHAR, identity_minimum VARCHAR, identity_cycle VARCHAR, is_generated VARCHAR, generation_expression VARCHAR, is_updatable VARCHAR',
  views:
    'table_catalog VARCHAR, table_schema VARCHAR, table_name VARCHAR, view_definition VARCHAR, check_option VARCHAR, is_updatable VARCHAR, is_insertable_into VARCHAR, is_trigger_updatable VARCHAR, is_trigger_deletable VARCHAR, is_trigger_insertable_into VARCHAR',
  table_constraints:
    'constraint_catalog VARCHAR, constraint_schema VARCHAR, constraint_name VARCHAR, table_catalog VARCHAR, table_schema VARCHAR, table_name VARCHAR, constraint_type VARCHAR, is_deferrable VARCHAR, initially_deferred VARCHAR, enforced VARCHAR, nulls_distinct VARCHAR',
  key_column_usage:
    'constraint_catalog VARCHAR, constraint_schema VARCHAR, constraint_name VARCHAR, table_catalog VARCHAR, table_schema VARCHAR, table_name VARCHAR, column_name VARCHAR, ordinal_position INTEGER, position_in_unique_constraint INTEGER',
  referential_constraints:
    'constraint_catalog VARCHAR, constraint_schema VARCHAR, constraint_name VARCHAR, unique_constraint_catalog VARCHAR, unique_constraint_schema VARCHAR, unique_constraint_name VARCHAR, match_option VARCHAR, update_rule VARCHAR, delete_rule VARCHAR',
  constraint_column_usage:
    'table_catalog VARCHAR, table_schema VARCHAR, table_name VARCHAR, column_name VARCHAR, constraint_catalog VARCHAR, constraint_schema VARCHAR, constraint_name VARCHAR',
  routines:
    'specific_catalog VARCHAR, specific_schema VARCHAR, specific_name VARCHAR, routine_catalog VARCHAR, routine_schema VARCHAR, routine_name VARCHAR, routine_type VARCHAR, data_type VARCHAR, routine_definition VARCHAR, external_language VARCHAR',
  parameters:
    'specific_catalog VARCHAR, specific_schema VARCHAR, specific_name VARCHAR, ordinal_position INTEGER, parameter_mode VARCHAR, parameter_name VARCHAR, data_type VARCHAR',
  sequences:
    'sequence_catalog VARCHAR, sequence_schema VARCHAR, sequence_name VARCHAR, data_type VARCHAR, numeric_precision INTEGER, numeric_precision_radix INTEGER, numeric_scale INTEGER, start_value VARCHAR, minimum_value VARCHAR, maximum_value VARCHAR, increment VARCHAR, cycle_option VARCHAR',
  triggers:
    'trigger_catalog VARCHAR, trigger_schema VARCHAR, trigger_name VARCHAR, event_manipulation VARCHAR, event_object_catalog VARCHAR, event_object_schema VARCHAR, event_object_table VARCHAR, action_statement VARCHAR, action_orientation VARCHAR, action_timing VARCHAR',
  character_sets:
    'character_set_catalog VARCHAR, character_set_schema VARCHAR, character_set_name VARCHAR, character_repertoire VARCHAR, form_of_use VARCHAR, default_collate_catalog VARCHAR, default_collate_schema VARCHAR, default_collate_name VARCHAR',
  table_privileges:
    'grantor VARCHAR, grantee VARCHAR, table_catalog VARCHAR, table_schema VARCHAR, table_name VARCHAR, privilege_type VARCHAR, is_grantable VARCHAR, with_hierarchy VARCHAR',
};

/**
 * information_schema functions pgjdbc calls. `_pg_expandarray` is set-returning in PostgreSQL;
 * it only ever reads pg_index here, which is empty (products have no indexes), so a constant
 * row of the right shape lets those queries bind and return nothing.
 */
export const INFORMATION_SCHEMA_MACROS: Readonly<Record<string, string>> = {
  _pg_expandarray: `(arr) AS {'x': NULL::SMALLINT, 'n': NULL::INTEGER}`,
};

export function emulatedPgCatalog(name: string): boolean {
  return name in PG_CATALOG_TABLES || name in PG_CATALOG_VIEWS || name in PG_CATALOG_MACROS;
}

export function emulatedInformationSchema(name: string): boolean {
  return name in INFORMATION_SCHEMA_TABLES || name in INFORMATION_SCHEMA_MACROS;
}

/** The statements creating the emulation (tables still empty). */
export function catalogSchemaStatements(databaseName: string, principalId: string): string[] {
  const quote = (text: string): string => `'${text.replaceAll("'", "''")}'`;
  const statements = [`CREATE SCHEMA ${PG_CATALOG}`, `CREATE SCHEMA ${INFORMATION_SCHEMA}`];
  for (const [name, columns] of Object.entries(PG_CATALOG_TABLES)) {
    statements.push(`CREATE TABLE ${PG_CATALOG}.${name} (${columns})`);
  }
  for (const [name, columns] of Object.entries(INFORMATION_SCHEMA_TABLES)) {
    statements.push(`CREATE TABLE ${INFORMATION_SCHEMA}.${name} (${columns})`);
  }
  for (const [name, body] of Object.entries(INFORMATION_SCHEMA_MACROS)) {
    statements.push(`CREATE MACRO ${INFORMATION_SCHEMA}.${name}${body}`);
  }
  for (const [name, query] of Object.entries(PG_CATALOG_VIEWS)) {
    statements.push(`CREATE VIEW ${PG_CATALOG}.${name} AS ${query}`);
  }
  for (const [name, body] of Object.entries(PG_CATALOG_MACROS)) {
    const substituted = body.replaceAll('$DB', quote(databaseName)).replaceAll('$USER', quote(principalId));
    statements.push(`CREATE MACRO ${PG_CATALOG}.${name}${substituted}`);
  }
  return statements;
}
