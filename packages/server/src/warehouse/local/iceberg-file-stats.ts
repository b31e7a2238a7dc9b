/**
 * Column statistics of a publish's data files, read from their Parquet footers with DuckDB, for
 * the Iceberg manifest (see ../../iceberg/format/data-file-stats.ts). Read before anything moves,
 * so a file DuckDB cannot read as Parquet fails the publish (MW8109) with nothing changed.
 *
 * The warehouse opens its own in-memory DuckDB for it (one thread, about 20 ms) rather than
 * borrowing the writer's connection: any writer may fill a staged folder, and the statistics
 * must describe the files as published, not what the writer believed it wrote.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { InputError } from '@meshwork/core';
import {
  dataFileStats,
  statsColumns,
  type ColumnChunkStats,
  type DataFileStats,
} from '../../iceberg/format/data-file-stats.js';
import { parquetStatsQuery } from '../../iceberg/format/parquet-stats-query.js';
import type { IcebergSchema } from '../../iceberg/table-metadata.js';

/** Statistics of each file (absolute paths), in the order given. */
export async function readDataFileStats(schema: IcebergSchema, files: readonly string[]): Promise<DataFileStats[]> {
  const columns = statsColumns(schema);
  const chunks = new Map<string, ColumnChunkStats[]>(files.map((file) => [file, []]));
  if (columns.length > 0 && files.length > 0) {
    for (const row of await footerRows(parquetStatsQuery(files, columns), files)) {
      chunks.get(String(row.file_name))?.push({
        leaf: Number(row.leaf),
        path: String(row.path),
        numValues: BigInt(row.num_values as bigint),
        nullCount: row.null_count === null ? null : BigInt(row.null_count as bigint),
        compressedBytes: BigInt(row.compressed_bytes as bigint),
        min: textOrNull(row.min_text),
        max: textOrNull(row.max_text),
        minExact: booleanOrNull(row.min_exact),
        maxExact: booleanOrNull(row.max_exact),
      });
    }
  }
  return files.map((file) => dataFileStats(columns, chunks.get(file) ?? []));
}

async function footerRows(sql: string, files: readonly string[]): Promise<Record<string, unknown>[]> {
  const instance = await DuckDBInstance.create(':memory:', {
    threads: '1',
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'false',
  });
  try {
    const connection = await instance.connect();
    try {
      return (await connection.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
    } finally {
      connection.closeSync();
    }
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    throw new InputError(
      'MW8109',
      `Invalid staged data: cannot read the Parquet footer of ${namedFiles(files)}: ${reason}.`,
    );
  } finally {
    instance.closeSync();
  }
}

function textOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}

function booleanOrNull(value: unknown): boolean | null {
  return typeof value === 'boolean' ? value : null;
}

/** The first few files, and how many more: a publish can stage thousands. */
function namedFiles(files: readonly string[]): string {
  const shown = files.slice(0, 3).join(', ');
  return files.length > 3 ? `${shown} and ${files.length - 3} more` : shown;
}
