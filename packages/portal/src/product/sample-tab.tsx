/**
 * Sample data: up to ten rows of the first output port, queried through the governed gateway as
 * the viewer — masked columns arrive masked and row filters apply; a refusal shows its reason.
 */
import { useMemo } from 'react';
import { createColumnHelper } from '@tanstack/react-table';
import type { JsonValue } from '../api/api-types.js';
import { DataTable, type DataTableColumns, type DataTableFeatures } from '../components/data-table.js';
import { useProductTab } from './product-context.js';

type Row = Readonly<Record<string, JsonValue>>;
const column = createColumnHelper<DataTableFeatures, Row>();

export function SampleTab() {
  const { sample } = useProductTab().detail;
  const columns = useMemo<DataTableColumns<Row>>(
    () =>
      (sample.allowed ? sample.columns : []).map((c) =>
        column.accessor((row) => row[c.name] ?? null, {
          id: c.name,
          header: () => (
            <>
              {c.name} <span className="muted">{c.type}</span>
            </>
          ),
          cell: (info) => display(info.getValue()),
        }),
      ),
    [sample],
  );
  const rows = useMemo(() => (sample.allowed ? [...sample.rows] : []), [sample]);
  return (
    <section aria-labelledby="sample-title" className="tab-panel">
      <h2 id="sample-title">Sample data</h2>
      {sample.allowed ? (
        <>
          <p className="muted">
            {rows.length} row{rows.length === 1 ? '' : 's'}, as you may see them (masks and row filters applied):{' '}
            <code>{sample.sql}</code>
          </p>
          <DataTable caption="Sample rows" columns={columns} data={rows} className="sample-table" />
        </>
      ) : (
        <p className="notice">
          No sample for you: {sample.reason}
          {sample.code && <span className="muted"> ({sample.code})</span>}
        </p>
      )}
    </section>
  );
}

function display(value: JsonValue): string {
  if (value === null) return '∅';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
