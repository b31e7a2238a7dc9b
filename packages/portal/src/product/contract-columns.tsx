/** The columns of the contract tab's tables: the schema's columns, quality rules, SLA properties. */
import { createColumnHelper } from '@tanstack/react-table';
import { ColumnType, columnTypeText } from '../components/column-type.js';
import type { DataTableColumns, DataTableFeatures } from '../components/data-table.js';
import type { ContractColumn, QualityRule } from './contract-document.js';
import type { SlaProperty } from './product-api-types.js';

const column = createColumnHelper<DataTableFeatures, ContractColumn>();

export const contractColumnColumns = column.columns([
  column.accessor('name', { header: 'Column', cell: (info) => <code>{info.getValue()}</code> }),
  column.accessor(columnTypeText, {
    id: 'type',
    header: 'Type',
    cell: (info) => <ColumnType column={info.row.original} />,
  }),
  column.accessor(
    (c) =>
      [c.primaryKey ? 'primary key' : null, c.required ? 'required' : null, c.unique ? 'unique' : null]
        .filter(Boolean)
        .join(', '),
    { id: 'constraints', header: 'Constraints' },
  ),
  column.accessor('classification', {
    header: 'Classification',
    cell: (info) => {
      const value = info.getValue();
      return value ? <span className={`badge classification-${value}`}>{value}</span> : null;
    },
  }),
  column.accessor('rules', { header: 'Quality rules', cell: (info) => info.getValue() || '' }),
  column.accessor('description', { header: 'Description', cell: (info) => info.getValue() ?? '' }),
]) satisfies DataTableColumns<ContractColumn>;

const rule = createColumnHelper<DataTableFeatures, QualityRule>();

export const qualityRuleColumns = rule.columns([
  rule.accessor('appliesTo', { header: 'Applies to', cell: (info) => <code>{info.getValue()}</code> }),
  rule.accessor('rule', { header: 'Rule' }),
  rule.accessor('dimension', { header: 'Dimension', cell: (info) => info.getValue() ?? '' }),
  rule.accessor('severity', { header: 'Severity', cell: (info) => info.getValue() ?? '' }),
  rule.accessor('description', { header: 'Description', cell: (info) => info.getValue() ?? '' }),
]) satisfies DataTableColumns<QualityRule>;

const sla = createColumnHelper<DataTableFeatures, SlaProperty>();

export const slaColumns = sla.columns([
  sla.accessor('property', { header: 'Property', cell: (info) => <code>{info.getValue()}</code> }),
  sla.accessor((p) => slaValue(p), { id: 'value', header: 'Value' }),
  sla.accessor('element', { header: 'Applies to', cell: (info) => info.getValue() ?? '' }),
  sla.accessor('description', { header: 'Description', cell: (info) => info.getValue() ?? '' }),
]) satisfies DataTableColumns<SlaProperty>;

/** `2 h`, `99.9 percent`, `2027-06-30`: the value with its unit. */
export function slaValue(p: SlaProperty): string {
  const value = p.value ?? p.valueExt;
  if (value == null) return '—';
  return p.unit ? `${String(value)} ${p.unit}` : String(value);
}
