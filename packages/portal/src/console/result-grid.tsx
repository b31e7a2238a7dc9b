/**
 * A query result as a table: one column per result column with its DuckDB type under the name,
 * values as the API sends them (exact digits for BIGINT and DECIMAL, ISO dates), NULL as ∅.
 * Columns are keyed by position: a result may repeat a name (`SELECT a, a`).
 */
import { useMemo } from 'react';
import { createColumnHelper } from '@tanstack/react-table';
import { DataTable, type DataTableColumns, type DataTableFeatures } from '../components/data-table.js';
import type { QueryResult } from './console-api.js';

type Row = readonly unknown[];
const column = createColumnHelper<DataTableFeatures, Row>();

export function ResultGrid({ result }: { readonly result: QueryResult }) {
  const columns = useMemo<DataTableColumns<Row>>(
    () =>
      result.columns.map((c, index) =>
        column.accessor((row) => row[index], {
          id: String(index),
          header: () => (
            <>
              {c.name} <span className="column-type">{c.type}</span>
            </>
          ),
          cell: (info) => display(info.getValue()),
        }),
      ),
    [result],
  );
  const rows = useMemo(() => [...result.rows], [result]);
  return <DataTable caption="Query result" columns={columns} data={rows} className="result-table" />;
}

function display(value: unknown): string {
  if (value === null || value === undefined) return '∅';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
