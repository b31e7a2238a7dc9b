/**
 * Stable error codes of writing products as Apache Iceberg v2 tables (MW8201–MW8249). Each names
 * one cause and says how to fix it; `iceberg-format-codes.test.ts` checks that every code thrown
 * in this folder is listed and every listed code is thrown.
 */
export const ICEBERG_FORMAT_CODES = {
  MW8201: {
    title: 'Column type has no Iceberg v2 equivalent',
    fix: 'Cast the named column in the pipeline’s SQL to a type Iceberg v2 tables hold (the message suggests one), e.g. `CAST(col AS VARCHAR)`, `CAST(col AS BIGINT)` or `CAST(col AS TIMESTAMP)`, then run again.',
  },
  MW8202: {
    title: 'Column type not understood',
    fix: 'Describe the column with a DuckDB type as DuckDB spells it (`BIGINT`, `DECIMAL(18,2)`, `STRUCT(a INTEGER)`, `VARCHAR[]`, `MAP(VARCHAR, INTEGER)`…).',
  },
  MW8203: {
    title: 'Iceberg table metadata damaged',
    fix: 'The named metadata file is not valid Iceberg v2 table metadata; restore it from a backup, or remove the table folder and publish again.',
  },
  MW8204: {
    title: 'Invalid Iceberg table metadata',
    fix: 'Give every field the Iceberg v2 table spec requires (format-version 2, table-uuid, location, last-sequence-number, last-updated-ms, last-column-id, schemas, current-schema-id, partition-specs, default-spec-id, last-partition-id, sort-orders, default-sort-order-id) with the type the spec names.',
  },
} as const satisfies Record<string, { readonly title: string; readonly fix: string }>;

export type IcebergFormatCode = keyof typeof ICEBERG_FORMAT_CODES;
