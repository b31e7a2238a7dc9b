/**
 * The DuckDB query that reads data files' column statistics from their Parquet footers
 * (`parquet_metadata`, no data pages read). DuckDB gives each statistic as text in the column's
 * own type; the query turns the types whose text is not Iceberg's unit into it, exactly:
 * dates into days and times and timestamps into microseconds since the epoch, floats into the
 * double text of the same value, binary into hex. Infinite dates and timestamps, and text that
 * does not cast, become NULL: no bound.
 *
 * Only `stats_min_value`/`stats_max_value` are read: the deprecated `stats_min`/`stats_max` are
 * ordered as signed bytes, wrong for strings and unsigned integers.
 */
import type { StatsColumn } from './data-file-stats.js';

/** Rows: file_name, leaf, path, num_values, null_count, compressed_bytes, min_text, max_text, min_exact, max_exact. */
export function parquetStatsQuery(files: readonly string[], columns: readonly StatsColumn[]): string {
  const leaves = columns.map((column) => column.leaf);
  const bound = (statistic: string) => {
    const cases = columns
      .map((column) => `WHEN ${column.leaf} THEN ${icebergText(column.icebergType, statistic)}`)
      .join(' ');
    return cases === '' ? 'NULL' : `CASE column_id ${cases} END`;
  };
  return `SELECT file_name, column_id AS leaf, path_in_schema AS path, num_values, stats_null_count AS null_count,
    total_compressed_size AS compressed_bytes,
    ${bound('stats_min_value')} AS min_text, ${bound('stats_max_value')} AS max_text,
    min_is_exact AS min_exact, max_is_exact AS max_exact
  FROM parquet_metadata([${files.map(quoteLiteral).join(', ')}])
  WHERE column_id IN (${leaves.length === 0 ? 'NULL' : leaves.join(', ')})`;
}

/** SQL turning statistic text of a column of `icebergType` into the text `parseBound` reads. */
function icebergText(icebergType: string, statistic: string): string {
  const cast = (type: string) => `TRY_CAST(${statistic} AS ${type})`;
  const finite = (type: string, value: string) =>
    `CASE WHEN isfinite(${cast(type)}) THEN CAST(${value} AS VARCHAR) END`;
  switch (icebergType) {
    case 'date':
      return finite('DATE', `${cast('DATE')} - DATE '1970-01-01'`);
    case 'time':
      return `CAST(epoch_us(${cast('TIME')}) AS VARCHAR)`;
    case 'timestamp':
      return finite('TIMESTAMP', `epoch_us(${cast('TIMESTAMP')})`);
    case 'timestamptz':
      return finite('TIMESTAMPTZ', `epoch_us(${cast('TIMESTAMPTZ')})`);
    case 'float':
      return `CAST(CAST(${cast('FLOAT')} AS DOUBLE) AS VARCHAR)`;
    case 'double':
      return `CAST(${cast('DOUBLE')} AS VARCHAR)`;
    case 'binary':
      return `hex(${cast('BLOB')})`;
    default:
      return statistic;
  }
}

function quoteLiteral(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}
