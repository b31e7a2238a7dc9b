/**
 * The names of DuckDB's scalar types: every spelling DuckDB accepts (plus the Parquet/Arrow
 * integer names, since staged data is Parquet) mapped to the name `DESCRIBE` prints.
 */

export const SCALAR_ALIASES: Readonly<Record<string, string>> = {
  ...aliases('VARCHAR', ['VARCHAR', 'CHAR', 'BPCHAR', 'TEXT', 'STRING', 'NVARCHAR', 'CHARACTER', 'CHARACTER VARYING']),
  ...aliases('TINYINT', ['TINYINT', 'INT1']),
  ...aliases('SMALLINT', ['SMALLINT', 'INT2', 'SHORT', 'INT16']),
  ...aliases('INTEGER', ['INTEGER', 'INT', 'INT4', 'SIGNED', 'INT32']),
  ...aliases('BIGINT', ['BIGINT', 'INT8', 'LONG', 'INT64']),
  ...aliases('HUGEINT', ['HUGEINT', 'INT128']),
  ...aliases('UTINYINT', ['UTINYINT', 'UINT8']),
  ...aliases('USMALLINT', ['USMALLINT', 'UINT16']),
  ...aliases('UINTEGER', ['UINTEGER', 'UINT32']),
  ...aliases('UBIGINT', ['UBIGINT', 'UINT64']),
  ...aliases('UHUGEINT', ['UHUGEINT', 'UINT128']),
  ...aliases('BIGNUM', ['BIGNUM', 'VARINT']),
  ...aliases('FLOAT', ['FLOAT', 'FLOAT4', 'REAL']),
  ...aliases('DOUBLE', ['DOUBLE', 'FLOAT8', 'DOUBLE PRECISION']),
  ...aliases('BOOLEAN', ['BOOLEAN', 'BOOL', 'LOGICAL']),
  ...aliases('BLOB', ['BLOB', 'BYTEA', 'BINARY', 'VARBINARY']),
  ...aliases('DATE', ['DATE']),
  ...aliases('TIME', ['TIME', 'TIME WITHOUT TIME ZONE']),
  ...aliases('TIME_NS', ['TIME_NS']),
  ...aliases('TIME WITH TIME ZONE', ['TIME WITH TIME ZONE', 'TIMETZ']),
  ...aliases('TIMESTAMP', ['TIMESTAMP', 'DATETIME', 'TIMESTAMP WITHOUT TIME ZONE', 'TIMESTAMP_US']),
  ...aliases('TIMESTAMP WITH TIME ZONE', ['TIMESTAMP WITH TIME ZONE', 'TIMESTAMPTZ']),
  ...aliases('TIMESTAMP_S', ['TIMESTAMP_S']),
  ...aliases('TIMESTAMP_MS', ['TIMESTAMP_MS']),
  ...aliases('TIMESTAMP_NS', ['TIMESTAMP_NS']),
  ...aliases('INTERVAL', ['INTERVAL']),
  ...aliases('UUID', ['UUID']),
  ...aliases('JSON', ['JSON']),
  ...aliases('BIT', ['BIT', 'BITSTRING']),
  ...aliases('VARIANT', ['VARIANT']),
};

/** Text types whose `(n)` length DuckDB accepts and ignores; so does the comparison. */
export const LENGTH_IGNORED: ReadonlySet<string> = new Set(['VARCHAR']);

function aliases(canonical: string, spellings: readonly string[]): Record<string, string> {
  return Object.fromEntries(spellings.map((spelling) => [spelling, canonical]));
}

/** Multi-word scalar names, longest first so `TIME WITH TIME ZONE` beats `TIME`. */
export const MULTI_WORD_NAMES: readonly string[] = Object.keys(SCALAR_ALIASES)
  .filter((name) => name.includes(' '))
  .sort((a, b) => b.length - a.length);
