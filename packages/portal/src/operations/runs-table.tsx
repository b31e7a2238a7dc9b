/**
 * Recent runs across products: when, which product, how it ended, how long it took, rows in and
 * out, and its failed checks behind a disclosure (native `details`: keyboard and screen readers
 * work without help).
 */
import { createColumnHelper } from '@tanstack/react-table';
import { Link } from 'react-router';
import { DataTable, type DataTableColumns, type DataTableFeatures } from '../components/data-table.js';
import type { Run } from './operations-types.js';
import { failedChecksOf, formatDuration, formatWhen, runDuration } from './run-view.js';

const count = (value: number | null) => (value === null ? '—' : value.toLocaleString('en'));

const column = createColumnHelper<DataTableFeatures, Run>();
const columns = column.columns([
  column.accessor((r) => formatWhen(r.startedAt), { id: 'started', header: 'Started' }),
  column.accessor('productId', {
    header: 'Product',
    cell: (info) => <Link to={`/products/${encodeURIComponent(info.getValue())}`}>{info.getValue()}</Link>,
  }),
  column.accessor('trigger', {
    header: 'Trigger',
    cell: (info) => `${info.getValue()} · ${info.row.original.requestedBy}`,
  }),
  column.accessor('status', {
    header: 'Status',
    cell: (info) => <span className={`badge run-${info.getValue()}`}>{info.getValue()}</span>,
  }),
  column.accessor((r) => runDuration(r), {
    id: 'duration',
    header: 'Duration',
    cell: (info) => {
      const ms = info.getValue();
      return ms === null ? 'running' : formatDuration(ms);
    },
  }),
  column.accessor('rowsIn', { header: 'Rows in', cell: (info) => count(info.getValue()) }),
  column.accessor('rowsOut', { header: 'Rows out', cell: (info) => count(info.getValue()) }),
  column.accessor((r) => failedChecksOf(r.checks), {
    id: 'checks',
    header: 'Failed checks',
    cell: (info) => <RunChecks run={info.row.original} failed={info.getValue()} />,
  }),
]) satisfies DataTableColumns<Run>;

function RunChecks({ run, failed }: { readonly run: Run; readonly failed: ReturnType<typeof failedChecksOf> }) {
  if (failed.length === 0 && !run.error) return <span className="muted">none</span>;
  const blocking = failed.filter((c) => c.blocking).length;
  return (
    <details className="run-checks">
      <summary>
        {failed.length} failed{blocking > 0 ? ` (${blocking} blocking)` : ''}
      </summary>
      {run.error && (
        <p>
          <code>{run.error.code}</code> {run.error.message.split('\n')[0]}
        </p>
      )}
      <ul>
        {failed.map((c) => (
          <li key={c.id}>
            <code>{c.id}</code>{' '}
            <span className={c.blocking ? 'check-blocking' : 'muted'}>{c.blocking ? 'blocking' : 'warning'}</span>
            {': '}
            {c.message}
          </li>
        ))}
      </ul>
    </details>
  );
}

export function RunsTable({ runs }: { readonly runs: readonly Run[] }) {
  return <DataTable caption="Recent runs, newest first" columns={columns} data={[...runs]} getRowId={(r) => r.id} />;
}
