/** Waivers with their owner and expiry; expired ones and those ending within 30 days stand out. */
import { useMemo } from 'react';
import { createColumnHelper } from '@tanstack/react-table';
import { Link } from 'react-router';
import { DataTable, type DataTableColumns, type DataTableFeatures } from '../components/data-table.js';
import type { Waiver } from './governance-types.js';
import { waiverExpiry, waiverExpiryText, type WaiverExpiry } from './waiver-expiry.js';

interface Row extends Waiver {
  readonly expiry: WaiverExpiry;
}

const column = createColumnHelper<DataTableFeatures, Row>();
const columns = column.columns([
  column.accessor('policy', { header: 'Policy', cell: (info) => <code>{info.getValue()}</code> }),
  column.accessor('product', {
    header: 'Product · port · column',
    cell: (info) => {
      const w = info.row.original;
      return (
        <>
          <Link to={`/products/${encodeURIComponent(w.product)}`}>{w.product}</Link>
          {(w.port || w.column) && <div className="muted">{[w.port, w.column].filter(Boolean).join(' · ')}</div>}
        </>
      );
    },
  }),
  column.accessor('owner', { header: 'Owner' }),
  column.accessor('reason', { header: 'Reason' }),
  column.accessor('expires', {
    header: 'Expires',
    cell: (info) => {
      const expiry = info.row.original.expiry;
      return (
        <>
          {info.getValue()} <span className={`badge waiver-${expiry.state}`}>{waiverExpiryText(expiry)}</span>
        </>
      );
    },
  }),
]) satisfies DataTableColumns<Row>;

export function WaiversTable({ waivers, now }: { readonly waivers: readonly Waiver[]; readonly now: Date }) {
  const rows = useMemo(() => waivers.map((w): Row => ({ ...w, expiry: waiverExpiry(w, now) })), [waivers, now]);
  return (
    <DataTable
      caption="Waivers, in force and expired"
      columns={columns}
      data={rows}
      getRowId={(w, i) => `${w.policy}:${w.product}:${w.port ?? ''}:${w.column ?? ''}:${i}`}
      className="waivers-table"
    />
  );
}
