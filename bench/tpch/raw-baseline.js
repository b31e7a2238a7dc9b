// The raw DuckDB baseline of the gateway benchmarks: a separate DuckDB instance with the same
// threads and memory as the gateway's, with one view per TPC-H table over the Parquet files of the
// very snapshot the gateway serves. What the gateway adds on top — parsing, authorizing, rewriting,
// its sandbox — is then the whole difference.
import { DuckDBInstance } from '@duckdb/node-api';
import { PRODUCT_NAMES, TABLES } from './tpch-schema.js';

const literal = (text) => `'${text.replace(/'/g, "''")}'`;

/** The current snapshot's files of every table, from the warehouse the platform uses. */
export async function snapshotFilesByTable(warehouse) {
  const files = {};
  for (const table of Object.keys(TABLES)) {
    const ref = { productId: PRODUCT_NAMES[table], port: table, major: 1 };
    const manifest = await warehouse.current(ref);
    if (!manifest) throw new Error(`${PRODUCT_NAMES[table]} has no published snapshot; regenerate with --force`);
    files[table] = await warehouse.snapshotFiles(ref, manifest.snapshotId);
  }
  return files;
}

/**
 * Opens the baseline. `settings` are DuckDB settings as strings (threads, memory_limit); like the
 * gateway's sandbox, nothing is installed or loaded beyond the built-in extensions.
 */
export async function openRawBaseline(warehouse, settings) {
  const db = await DuckDBInstance.create(':memory:', {
    ...settings,
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'false',
  });
  const connection = await db.connect();
  const files = await snapshotFilesByTable(warehouse);
  for (const [table, list] of Object.entries(files)) {
    await connection.run(`CREATE VIEW ${table} AS SELECT * FROM read_parquet([${list.map(literal).join(', ')}])`);
  }
  return {
    connection,
    files,
    /** Runs `sql` and drains its chunks like a front end of the gateway would; returns the row count. */
    async run(sql) {
      const result = await connection.stream(sql);
      let rows = 0;
      for await (const chunk of result) rows += chunk.rowCount;
      return rows;
    },
    /** Every row as strings, to compare with the gateway's answer. */
    async rows(sql) {
      const result = await connection.stream(sql);
      const rows = [];
      for await (const chunk of result) for (const row of chunk.getRows()) rows.push(row.map(String));
      return rows;
    },
    close() {
      connection.closeSync();
      db.closeSync();
    },
  };
}
