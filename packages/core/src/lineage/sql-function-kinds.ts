/**
 * What the extractor needs to know of DuckDB's functions by name, since it sees a parse tree and
 * not a bound plan. A test checks these lists against `duckdb_functions()` of the DuckDB we ship,
 * so an upgrade that adds an aggregate shows up as a failing test rather than as wrong lineage.
 */

/** Aggregate functions: their arguments flow into the output as 'aggregate'. */
export const AGGREGATE_FUNCTIONS: ReadonlySet<string> = new Set([
  'any_value',
  'approx_count_distinct',
  'approx_quantile',
  'approx_top_k',
  'arbitrary',
  'arg_max',
  'arg_max_null',
  'arg_max_nulls_last',
  'arg_min',
  'arg_min_null',
  'arg_min_nulls_last',
  'argmax',
  'argmin',
  'array_agg',
  'avg',
  'bit_and',
  'bit_or',
  'bit_xor',
  'bitstring_agg',
  'bool_and',
  'bool_or',
  'corr',
  'count',
  'count_if',
  'count_star',
  'countif',
  'covar_pop',
  'covar_samp',
  'entropy',
  'favg',
  'first',
  'fsum',
  'group_concat',
  'histogram',
  'histogram_exact',
  'kahan_sum',
  'kurtosis',
  'kurtosis_pop',
  'last',
  'list',
  'listagg',
  'mad',
  'max',
  'max_by',
  'mean',
  'median',
  'min',
  'min_by',
  'mode',
  'product',
  'quantile',
  'quantile_cont',
  'quantile_disc',
  'regr_avgx',
  'regr_avgy',
  'regr_count',
  'regr_intercept',
  'regr_r2',
  'regr_slope',
  'regr_sxx',
  'regr_sxy',
  'regr_syy',
  'reservoir_quantile',
  'sem',
  'skewness',
  'stddev',
  'stddev_pop',
  'stddev_samp',
  'string_agg',
  'sum',
  'sum_no_overflow',
  'sumkahan',
  'var_pop',
  'var_samp',
  'variance',
]);

/**
 * Hashing functions: the output carries a digest of the input, not its value ('masked'). These
 * are DuckDB's built-in hashes; a masking macro of the workspace would need to be added here.
 */
export const MASKING_FUNCTIONS: ReadonlySet<string> = new Set([
  'hash',
  'md5',
  'md5_number',
  'md5_number_lower',
  'md5_number_upper',
  'sha1',
  'sha256',
  'sha512',
]);

/** Table functions that read files or URLs themselves, bypassing the pipeline's declared inputs. */
const FILE_READERS: ReadonlySet<string> = new Set([
  'glob',
  'sniff_csv',
  'parquet_scan',
  'iceberg_scan',
  'delta_scan',
  'st_read',
  'csv_scan',
]);

export function readsFiles(tableFunction: string): boolean {
  const name = tableFunction.toLowerCase();
  return FILE_READERS.has(name) || name.startsWith('read_') || name.startsWith('parquet_');
}

/** Table functions that run SQL text given at run time. */
export const DYNAMIC_SQL_FUNCTIONS: ReadonlySet<string> = new Set(['query', 'query_table']);

/** Table functions that generate values from constants: one column, no input columns. */
export const GENERATOR_FUNCTIONS: ReadonlySet<string> = new Set(['range', 'generate_series']);

/** Table functions that unnest a list expression into rows. */
export const UNNEST_FUNCTIONS: ReadonlySet<string> = new Set(['unnest', 'unlist']);

/**
 * SQL keywords DuckDB's parser writes as column references (`current_date`); when no relation
 * has a column of that name they are the functions, with no input columns.
 */
export const KEYWORD_COLUMN_REFS: ReadonlySet<string> = new Set([
  'current_date',
  'current_time',
  'current_timestamp',
  'localtime',
  'localtimestamp',
  'current_user',
  'current_role',
  'session_user',
  'user',
  'current_catalog',
  'current_schema',
]);
