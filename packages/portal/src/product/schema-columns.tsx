/** The columns of a schema table: name, type, required/key, classification, glossary terms, description. */
import { createColumnHelper } from '@tanstack/react-table';
import type { SchemaColumn } from '../api/api-types.js';
import { ColumnType, columnTypeText } from '../components/column-type.js';
import type { DataTableColumns, DataTableFeatures } from '../components/data-table.js';

const column = createColumnHelper<DataTableFeatures, SchemaColumn>();

export const schemaColumns = column.columns([
  column.accessor('name', { header: 'Column', cell: (info) => <code>{info.getValue()}</code> }),
  column.accessor(columnTypeText, {
    id: 'type',
    header: 'Type',
    cell: (info) => <ColumnType column={info.row.original} />,
  }),
  column.accessor((c) => [c.primaryKey ? 'primary key' : null, c.required ? 'required' : null].filter(Boolean), {
    id: 'constraints',
    header: 'Constraints',
    cell: (info) => info.getValue().join(', '),
  }),
  column.accessor('classification', {
    header: 'Classification',
    cell: (info) => {
      const value = info.getValue();
      return value ? <span className={`badge classification-${value}`}>{value}</span> : null;
    },
  }),
  column.accessor('terms', {
    header: 'Glossary terms',
    cell: (info) => info.getValue().join(', '),
  }),
  column.accessor('description', { header: 'Description', cell: (info) => info.getValue() ?? '' }),
]) satisfies DataTableColumns<SchemaColumn>;
