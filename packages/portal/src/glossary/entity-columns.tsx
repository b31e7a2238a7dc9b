/** Table columns of an entity's page: its identifiers, its attributes, and the products that describe it. */
import { createColumnHelper } from '@tanstack/react-table';
import { Link } from 'react-router';
import type { DataTableColumns, DataTableFeatures } from '../components/data-table.js';
import type { DescribingProduct, EntityAttribute, EntityIdentifier } from './glossary-types.js';

const identifier = createColumnHelper<DataTableFeatures, EntityIdentifier>();
export const identifierColumns = identifier.columns([
  identifier.accessor('name', { header: 'Identifier', cell: (info) => <code>{info.getValue()}</code> }),
  identifier.accessor('logicalType', { header: 'Type' }),
  identifier.accessor((i) => [i.format && `format ${i.format}`, i.pattern && `pattern ${i.pattern}`].filter(Boolean), {
    id: 'shape',
    header: 'Format · pattern',
    cell: (info) => info.getValue().join(', ') || '—',
  }),
  identifier.accessor((i) => i.description ?? '', { id: 'description', header: 'Description' }),
]) satisfies DataTableColumns<EntityIdentifier>;

const attribute = createColumnHelper<DataTableFeatures, EntityAttribute>();
export const attributeColumns = attribute.columns([
  attribute.accessor('name', { header: 'Attribute', cell: (info) => <code>{info.getValue()}</code> }),
  attribute.accessor((a) => (a.format ? `${a.logicalType} (${a.format})` : a.logicalType), {
    id: 'type',
    header: 'Type',
  }),
  attribute.accessor((a) => a.description ?? '', { id: 'description', header: 'Description' }),
]) satisfies DataTableColumns<EntityAttribute>;

const ROLE_TEXT: Record<DescribingProduct['role'], string> = {
  about: 'about it (keyed by its identifier)',
  references: 'references it',
  mentions: 'mentions its attributes',
};

const product = createColumnHelper<DataTableFeatures, DescribingProduct>();
// Declared apart from the list: inside `columns([...])` the cell's value would be typed `any`.
const roleColumn = product.accessor('role', {
  header: 'Role',
  cell: (info) => <span className={`badge role-${info.getValue()}`}>{ROLE_TEXT[info.getValue()]}</span>,
});
const boundColumns = product.accessor('columns', {
  header: 'Columns bound to it',
  cell: (info) => (
    <ul className="bound-columns">
      {info.getValue().map((c) => (
        <li key={`${c.relation}.${c.column}`}>
          <code>
            {c.relation}.{c.column}
          </code>{' '}
          <span className="muted">
            → {c.term}
            {c.primaryKey ? ' (primary key)' : ''}
          </span>
        </li>
      ))}
    </ul>
  ),
});
export const productColumns = product.columns([
  product.accessor('productId', {
    header: 'Product',
    cell: (info) => <Link to={`/products/${encodeURIComponent(info.getValue())}`}>{info.getValue()}</Link>,
  }),
  product.accessor('domain', { header: 'Domain' }),
  roleColumn,
  boundColumns,
]) satisfies DataTableColumns<DescribingProduct>;
