/** The tables of the impact panel: affected ports and columns, agreements in force, recent queriers. */
import { createColumnHelper } from '@tanstack/react-table';
import type { DataTableColumns, DataTableFeatures } from '../components/data-table.js';
import type { ImpactAgreement, ImpactQuerier, ImpactResult } from './lineage-types.js';

type Affected = ImpactResult['ports'][number] | ImpactResult['columns'][number];

const affected = createColumnHelper<DataTableFeatures, Affected>();

export const affectedColumns = affected.columns([
  affected.accessor('ref', { header: 'Reference', cell: (info) => <code>{info.getValue()}</code> }),
  affected.accessor('distance', { header: 'Hops', cell: (info) => info.getValue() }),
]) satisfies DataTableColumns<Affected>;

const agreement = createColumnHelper<DataTableFeatures, ImpactAgreement>();

export const agreementColumns = agreement.columns([
  agreement.accessor('principalId', { header: 'Consumer' }),
  agreement.accessor((a) => `${a.productId}.${a.port}@${a.major}`, {
    id: 'port',
    header: 'Port',
    cell: (info) => <code>{info.getValue()}</code>,
  }),
  agreement.accessor('purpose', { header: 'Purpose' }),
  agreement.accessor('endsAt', { header: 'Until', cell: (info) => day(info.getValue()) }),
]) satisfies DataTableColumns<ImpactAgreement>;

const querier = createColumnHelper<DataTableFeatures, ImpactQuerier>();

export const querierColumns = querier.columns([
  querier.accessor('principalId', { header: 'Who' }),
  querier.accessor('productId', { header: 'Product' }),
  querier.accessor('queries', { header: 'Queries' }),
  querier.accessor('lastQueryAt', { header: 'Last query', cell: (info) => day(info.getValue()) }),
  querier.accessor('purposes', { header: 'Purposes', cell: (info) => info.getValue().join(', ') }),
]) satisfies DataTableColumns<ImpactQuerier>;

/** `2026-06-30` from an ISO date-time. */
export function day(iso: string): string {
  return iso.slice(0, 10);
}
