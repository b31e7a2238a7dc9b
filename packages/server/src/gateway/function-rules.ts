/**
 * Which functions a query may call. Scalar, aggregate and macro functions of DuckDB's `main`
 * schema are allowed except the ones below; table functions only from a short safe list. The
 * allowed set is read from the sandbox's own `duckdb_functions()` at start-up, so a function
 * DuckDB does not have is refused by us before DuckDB would report it, and a function added by
 * a DuckDB upgrade is allowed only if it is a plain scalar/aggregate/macro.
 *
 * Refused, and why:
 * - settings, variables and environment: current_setting, getvariable, getenv — they reveal the
 *   sandbox's configuration (the warehouse path) or state shared with other users;
 * - sequences and global state: nextval, currval, setseed;
 * - dynamic SQL and plans: json_serialize_sql, json_deserialize_sql, json_serialize_plan,
 *   json_execute_serialized_sql — they bind SQL text the gateway never checked;
 * - statistics: stats — it returns the min/max DuckDB propagates from the underlying files,
 *   which would describe rows a row filter removed and values a mask hides;
 * - error: it turns any predicate into an oracle that fires before other filters are applied;
 * - get_block_size: a built-in macro whose body queries the `pragma_database_size()` table
 *   function, which the table-function list refuses — a macro must not be a way around it;
 * - write_log: it writes to DuckDB's log, state shared by every query of the sandbox.
 */
export const DENIED_FUNCTIONS: ReadonlySet<string> = new Set([
  'current_setting',
  'getvariable',
  'getenv',
  'nextval',
  'currval',
  'setseed',
  'json_serialize_sql',
  'json_deserialize_sql',
  'json_serialize_plan',
  'json_execute_serialized_sql',
  'stats',
  'error',
  'current_query',
  'txid_current',
  'pg_get_viewdef',
  'checkpoint',
  'force_checkpoint',
  'get_block_size',
  'write_log',
]);

/** Table functions over values only: no files, URLs, catalogs or settings. */
export const ALLOWED_TABLE_FUNCTIONS: ReadonlySet<string> = new Set([
  'range',
  'generate_series',
  'unnest',
  'json_each',
  'json_tree',
]);

/**
 * Window-only functions (aggregates are allowed as windows too), and `unnest` in a SELECT list,
 * which DuckDB binds specially (it lists only the table function) and which reads no file.
 */
const WINDOW_FUNCTIONS = [
  'unnest',
  'row_number',
  'rank',
  'dense_rank',
  'percent_rank',
  'cume_dist',
  'ntile',
  'lag',
  'lead',
  'first_value',
  'last_value',
  'nth_value',
  'rank_dense',
  'fill',
];

export class FunctionRules {
  constructor(private readonly allowed: ReadonlySet<string>) {}

  /** From the sandbox's `duckdb_functions()` rows (name, type, schema). */
  static fromCatalog(
    rows: readonly { readonly name: string; readonly type: string; readonly schema: string }[],
  ): FunctionRules {
    const allowed = new Set<string>(WINDOW_FUNCTIONS);
    for (const row of rows) {
      if (row.schema !== 'main') continue;
      if (!['scalar', 'aggregate', 'macro'].includes(row.type)) continue;
      const name = row.name.toLowerCase();
      if (!DENIED_FUNCTIONS.has(name)) allowed.add(name);
    }
    return new FunctionRules(allowed);
  }

  isAllowedFunction(name: string): boolean {
    return this.allowed.has(name.toLowerCase());
  }

  isAllowedTableFunction(name: string): boolean {
    return ALLOWED_TABLE_FUNCTIONS.has(name.toLowerCase());
  }
}
