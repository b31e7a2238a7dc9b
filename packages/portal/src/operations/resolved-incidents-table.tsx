/** Resolved incidents: when each opened and closed, how long it lasted, and why. */
import { createColumnHelper } from '@tanstack/react-table';
import { Link } from 'react-router';
import { DataTable, type DataTableColumns, type DataTableFeatures } from '../components/data-table.js';
import { SeverityBadge } from './incident-card.js';
import type { Incident } from './operations-types.js';
import { formatDuration, formatWhen } from './run-view.js';

const column = createColumnHelper<DataTableFeatures, Incident>();
const columns = column.columns([
  column.accessor('productId', {
    header: 'Product',
    cell: (info) => <Link to={`/products/${encodeURIComponent(info.getValue())}`}>{info.getValue()}</Link>,
  }),
  column.accessor('severity', { header: 'Severity', cell: (info) => <SeverityBadge severity={info.getValue()} /> }),
  column.accessor((i) => formatWhen(i.openedAt), { id: 'opened', header: 'Opened' }),
  column.accessor((i) => (i.resolvedAt ? formatWhen(i.resolvedAt) : '—'), { id: 'resolved', header: 'Resolved' }),
  column.accessor((i) => (i.resolvedAt ? formatDuration(Date.parse(i.resolvedAt) - Date.parse(i.openedAt)) : '—'), {
    id: 'lasted',
    header: 'Lasted',
  }),
  column.accessor((i) => i.cause.reason, { id: 'cause', header: 'Cause' }),
  column.accessor((i) => i.cause.run?.failedChecks.filter((c) => c.blocking).map((c) => c.id) ?? [], {
    id: 'checks',
    header: 'Blocking checks failed',
    cell: (info) => info.getValue().join(', ') || '—',
  }),
  column.accessor('failedRuns', { header: 'Failed runs' }),
]) satisfies DataTableColumns<Incident>;

export function ResolvedIncidentsTable({ incidents }: { readonly incidents: readonly Incident[] }) {
  return (
    <DataTable
      caption="Resolved incidents, newest first"
      columns={columns}
      data={[...incidents]}
      getRowId={(i) => i.id}
    />
  );
}
