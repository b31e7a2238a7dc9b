// The raw-DuckDB ceiling of the wire bench: a pgbench script run straight on DuckDB through the
// same Node binding the gateway uses, with the sandbox's threads, memory and Parquet caching, on
// the same snapshot files, by as many concurrent connections as pgbench has clients, for as long.
// No parsing, authorizing, rewriting, metering or wire protocol: what is left is the engine, so a
// gateway that runs every query in DuckDB cannot be faster than this.
import { DuckDBInstance } from '@duckdb/node-api';
import { DUCKDB_SETTINGS } from './bench-platform.js';
import { PRODUCT_NAMES } from './tpch/tpch-schema.js';

const literal = (text) => `'${text.replace(/'/g, "''")}'`;

/**
 * A pgbench script as DuckDB can run it: its `\set x random(a, b)` variables and its SQL (the
 * other lines). Like pgbench, `:x` becomes the value as text in simple mode and a parameter in
 * the extended and prepared modes.
 */
export function parsePgbenchScript(text) {
  const variables = [];
  const sql = [];
  for (const line of text.split('\n')) {
    const set = /^\\set\s+(\w+)\s+random\(\s*(-?\d+)\s*,\s*(-?\d+)\s*\)\s*$/.exec(line.trim());
    if (set) variables.push({ name: set[1], min: Number(set[2]), max: Number(set[3]) });
    else if (line.trim().startsWith('\\')) throw new Error(`unsupported pgbench meta-command: ${line.trim()}`);
    else if (!line.trim().startsWith('--')) sql.push(line);
  }
  const statement = sql.join('\n').trim().replace(/;$/, '');
  const draw = () => variables.map((v) => v.min + Math.floor(Math.random() * (v.max - v.min + 1)));
  const reference = new RegExp(`:(${variables.map((v) => v.name).join('|') || '(?!)'})\\b`, 'g');
  const position = (name) => variables.findIndex((v) => v.name === name);
  return {
    /** The statement with this transaction's values written in (simple mode). */
    simple: (values) => statement.replace(reference, (_, name) => String(values[position(name)])),
    /** The statement with `$n` for each variable (extended mode), and the values to bind. */
    extended: statement.replace(reference, (_, name) => `$${position(name) + 1}`),
    draw,
  };
}

/**
 * Runs `script` on a fresh in-memory DuckDB for `seconds` with `clients` connections, each with
 * the TPC-H tables as views over `files` (table → snapshot files). Simple mode runs the text with
 * the values written in, planned every time as the gateway must; extended mode prepares once per
 * connection and binds, as the gateway's prepared-statement cache does. Every result is read.
 */
export async function rawDuckDbCeiling({ files, script, mode, clients, seconds }) {
  const db = await DuckDBInstance.create(':memory:', {
    ...DUCKDB_SETTINGS,
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'false',
  });
  const parsed = parsePgbenchScript(script);
  const connections = [];
  try {
    const setup = await db.connect();
    connections.push(setup);
    // The sandbox's Parquet caching (packages/server/src/gateway/sandbox.ts).
    await setup.run('SET parquet_metadata_cache = true');
    for (const [table, list] of Object.entries(files)) {
      const [schema] = PRODUCT_NAMES[table].split('.');
      await setup.run(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
      await setup.run(
        `CREATE VIEW ${PRODUCT_NAMES[table]} AS SELECT * FROM read_parquet([${list.map(literal).join(', ')}])`,
      );
    }
    for (let i = 0; i < clients; i++) connections.push(await db.connect());
    const clientsOf = connections.slice(1);
    const readAll = (result) => {
      let rows = 0;
      for (let c = 0; c < result.chunkCount; c++) rows += result.getChunk(c).getRows().length;
      return rows;
    };
    let transactions = 0;
    const started = performance.now();
    const deadline = started + seconds * 1000;
    await Promise.all(
      clientsOf.map(async (connection) => {
        const statement = mode === 'simple' ? undefined : await connection.prepare(parsed.extended);
        while (performance.now() < deadline) {
          const values = parsed.draw();
          if (statement) {
            values.forEach((value, index) => statement.bindBigInt(index + 1, BigInt(value)));
            readAll(await statement.run());
          } else {
            readAll(await connection.run(parsed.simple(values)));
          }
          transactions += 1;
        }
      }),
    );
    const elapsedMs = performance.now() - started;
    return {
      tps: (transactions * 1000) / elapsedMs,
      latencyMs: Number(((elapsedMs * clients) / Math.max(1, transactions)).toFixed(3)),
      failed: 0,
    };
  } catch (error) {
    return { tps: undefined, error: String(error.message ?? error).split('\n')[0] };
  } finally {
    for (const connection of connections) connection.closeSync();
    db.closeSync();
  }
}
