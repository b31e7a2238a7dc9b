/**
 * The findings of the latest governance check, each with its explanation: the policy, where
 * (product, port, column), what is wrong, the file and line to change, and how to fix it — or
 * the waiver that excuses it.
 */
import { createColumnHelper } from '@tanstack/react-table';
import { Link } from 'react-router';
import { DataTable, type DataTableColumns, type DataTableFeatures } from '../components/data-table.js';
import type { Finding } from './governance-types.js';

const column = createColumnHelper<DataTableFeatures, Finding>();
const columns = column.columns([
  column.accessor('outcome', {
    header: 'Outcome',
    cell: (info) => (
      <>
        <span className={`badge finding-${info.getValue()}`}>{info.getValue()}</span>{' '}
        <span className="muted">{info.row.original.severity}</span>
      </>
    ),
  }),
  column.accessor('policyId', { header: 'Policy', cell: (info) => <code>{info.getValue()}</code> }),
  column.accessor('productId', {
    header: 'Product · port · column',
    cell: (info) => {
      const f = info.row.original;
      return (
        <>
          <Link to={`/products/${encodeURIComponent(f.productId)}`}>{f.productId}</Link>
          {(f.port || f.column) && <div className="muted">{[f.port, f.column].filter(Boolean).join(' · ')}</div>}
        </>
      );
    },
  }),
  column.accessor('message', {
    header: 'Why, and the fix',
    cell: (info) => {
      const f = info.row.original;
      return (
        <>
          <p className="finding-message">{f.message}</p>
          <p className="finding-fix">
            <strong>Fix:</strong> {f.fix}
          </p>
          {f.waiver && (
            <p className="finding-waiver">
              Waived for <strong>{f.waiver.owner}</strong> until {f.waiver.expires}: {f.waiver.reason}
            </p>
          )}
        </>
      );
    },
  }),
  column.accessor((f) => (f.line === undefined ? f.file : `${f.file}:${f.line}`), {
    id: 'location',
    header: 'File:line',
    cell: (info) => <code className="finding-location">{info.getValue()}</code>,
  }),
]) satisfies DataTableColumns<Finding>;

export function FindingsTable({ findings }: { readonly findings: readonly Finding[] }) {
  return (
    <DataTable
      caption="Findings of the latest check"
      columns={columns}
      data={[...findings]}
      getRowId={(f, i) => `${f.policyId}:${f.productId}:${f.port ?? ''}:${f.column ?? ''}:${i}`}
      className="findings-table"
    />
  );
}
