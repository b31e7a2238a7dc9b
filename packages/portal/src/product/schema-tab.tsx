/**
 * Schema: each output port's tables with their columns — types, classifications (PII…) and the
 * glossary terms they are bound to. A filter narrows wide tables by column name, type,
 * classification or term.
 */
import { useDeferredValue, useMemo, useState } from 'react';
import type { SchemaColumn } from '../api/api-types.js';
import { DataTable } from '../components/data-table.js';
import { schemaColumns } from './schema-columns.js';
import { useProductTab } from './product-context.js';

export function SchemaTab() {
  const { detail } = useProductTab();
  const [filter, setFilter] = useState('');
  // Typing stays responsive on a 500-column schema: the table follows a moment later.
  const words = useDeferredValue(filter.trim().toLowerCase());
  const total = detail.contracts.reduce(
    (sum, c) => sum + c.schema.reduce((n, table) => n + table.columns.length, 0),
    0,
  );
  return (
    <section aria-labelledby="schema-title" className="tab-panel">
      <h2 id="schema-title">Schema</h2>
      <p className="muted">
        {total} column{total === 1 ? '' : 's'}
      </p>
      <div className="filter">
        <label htmlFor="schema-filter">Filter columns</label>
        <input
          id="schema-filter"
          type="search"
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
          placeholder="name, type, classification or term"
        />
      </div>
      {detail.contracts.map((contract) =>
        contract.schema.map((table) => (
          <SchemaTable
            key={`${contract.port}@${contract.major}/${table.table}`}
            caption={`${contract.port} v${contract.major} · ${table.table}`}
            columns={table.columns}
            words={words}
          />
        )),
      )}
    </section>
  );
}

function SchemaTable(props: { caption: string; columns: readonly SchemaColumn[]; words: string }) {
  const { caption, columns, words } = props;
  const rows = useMemo(() => columns.filter((c) => matches(c, words)), [columns, words]);
  return (
    <DataTable
      caption={rows.length === columns.length ? caption : `${caption} (${rows.length} of ${columns.length})`}
      columns={schemaColumns}
      data={rows}
      getRowId={(c) => c.name}
      className="schema-table"
    />
  );
}

function matches(column: SchemaColumn, words: string): boolean {
  if (!words) return true;
  return [column.name, column.physicalType, column.logicalType, column.classification, ...column.terms].some((text) =>
    text?.toLowerCase().includes(words),
  );
}
