/**
 * A PostgreSQL input (a table or a query) is copied into the run's DuckDB as a table: rows are
 * fetched through a cursor in batches and appended, so memory stays flat whatever the size.
 * DuckDB's postgres extension is not available (built-in extensions only), hence the copy.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import pg from 'pg';
import { InputError, UnavailableError, type ConnectionConfig, type PipelineInput } from '@meshwork/core';
import { quoteIdentifier } from '../sql-text.js';
import type { BoundInput } from './bound-input.js';

type PostgresInput = Extract<PipelineInput, { kind: 'postgres' }>;

const BATCH = 10_000;

/**
 * PostgreSQL type OIDs → DuckDB column types; anything else arrives as text. `numeric` is
 * special: see numericType.
 */
const TYPES: Readonly<Record<number, string>> = {
  16: 'BOOLEAN',
  17: 'BLOB',
  20: 'BIGINT',
  21: 'SMALLINT',
  23: 'INTEGER',
  700: 'FLOAT',
  701: 'DOUBLE',
  1082: 'DATE',
  1114: 'TIMESTAMP',
  1184: 'TIMESTAMPTZ',
  2950: 'UUID',
  114: 'JSON',
  3802: 'JSON',
};

const NUMERIC = 1700;

export async function bindPostgresInput(
  connection: DuckDBConnection,
  input: PostgresInput,
  settings: ConnectionConfig | undefined,
): Promise<BoundInput> {
  if (!settings)
    throw new InputError(
      'MW8005',
      `input "${input.name}": connection "${input.connection}" is not declared in mesh.yaml`,
    );
  let client: pg.Client;
  try {
    client = new pg.Client({ connectionString: settings.url, connectionTimeoutMillis: 5000 });
  } catch {
    // The parser's message may quote the URL, and the URL may hold a password: say less.
    throw new InputError(
      'MW8005',
      `input "${input.name}": the URL of connection "${input.connection}" in mesh.yaml is not a valid PostgreSQL URL`,
    );
  }
  // Dates, timestamps and numerics as text: DuckDB parses them exactly (no floats, no local time).
  const asText = (value: string) => value;
  for (const oid of [1082, 1114, 1184, NUMERIC]) client.setTypeParser(oid, asText);
  try {
    await client.connect();
    // timestamptz text then always carries +00, whatever the server's or the role's time zone.
    await client.query(`SET TIME ZONE 'UTC'`);
  } catch (error) {
    throw new UnavailableError(
      'MW8005',
      `input "${input.name}": cannot connect to connection "${input.connection}" (${describe(error)})`,
    );
  }
  try {
    const sql = input.query ?? `SELECT * FROM ${input.table!.split('.').map(quoteIdentifier).join('.')}`;
    await client.query('BEGIN READ ONLY');
    await client.query(`DECLARE meshwork_input NO SCROLL CURSOR FOR ${sql}`);
    let rows = 0;
    let created = false;
    let appender: Awaited<ReturnType<DuckDBConnection['createAppender']>> | undefined;
    for (;;) {
      const batch = await client.query({ text: `FETCH ${BATCH} FROM meshwork_input`, rowMode: 'array' });
      if (!created) {
        const columns = batch.fields.map((f) => `${quoteIdentifier(f.name)} ${columnType(f)}`);
        await connection.run(`CREATE TEMP TABLE ${quoteIdentifier(input.name)} (${columns.join(', ')})`);
        // TEMP tables live in the `temp` catalog.
        appender = await connection.createAppender(input.name, 'main', 'temp');
        created = true;
      }
      for (const row of batch.rows as unknown[][]) {
        for (const value of row) appendValue(appender!, value);
        appender!.endRow();
      }
      rows += batch.rows.length;
      if (batch.rows.length < BATCH) break;
    }
    appender?.closeSync();
    await client.query('COMMIT');
    return { name: input.name, kind: 'postgres', source: `${input.connection}:${input.table ?? 'query'}`, rows };
  } catch (error) {
    if (error instanceof UnavailableError) throw error;
    throw new InputError(
      'MW8010',
      `input "${input.name}": reading from connection "${input.connection}" failed: ${describe(error)}`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

function columnType(field: { readonly dataTypeID: number; readonly dataTypeModifier: number }): string {
  return field.dataTypeID === NUMERIC ? numericType(field.dataTypeModifier) : (TYPES[field.dataTypeID] ?? 'VARCHAR');
}

/**
 * `numeric(p, s)` becomes `DECIMAL(p, s)`, exact, while DuckDB can hold it (p ≤ 38); a numeric
 * without a declared precision, or a wider one, becomes DOUBLE.
 */
function numericType(modifier: number): string {
  if (modifier < 4) return 'DOUBLE';
  const precision = ((modifier - 4) >> 16) & 0xffff;
  const scale = (modifier - 4) & 0xffff;
  return precision >= 1 && precision <= 38 && scale <= precision ? `DECIMAL(${precision},${scale})` : 'DOUBLE';
}

function appendValue(
  appender: {
    appendNull(): void;
    appendVarchar(v: string): void;
    appendDouble(v: number): void;
    appendBoolean(v: boolean): void;
    appendBigInt(v: bigint): void;
    appendBlob(v: Uint8Array): void;
  },
  value: unknown,
): void {
  if (value === null || value === undefined) appender.appendNull();
  else if (typeof value === 'boolean') appender.appendBoolean(value);
  else if (typeof value === 'number') appender.appendDouble(value);
  else if (typeof value === 'bigint') appender.appendBigInt(value);
  else if (value instanceof Uint8Array) appender.appendBlob(value);
  else if (typeof value === 'object' && !(value instanceof Date)) appender.appendVarchar(JSON.stringify(value));
  else appender.appendVarchar(String(value));
}

/** An error message without the connection URL (it may carry a password). */
function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/postgres(ql)?:\/\/[^\s]+/g, 'postgres://…');
}
