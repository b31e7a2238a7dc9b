/** The checks a run failed, as a table: which check, whether it blocked the publish, what was measured. */
import { createColumnHelper } from '@tanstack/react-table';
import { DataTable, type DataTableColumns, type DataTableFeatures } from '../components/data-table.js';
import type { FailedCheck } from './operations-types.js';

const column = createColumnHelper<DataTableFeatures, FailedCheck>();
const columns = column.columns([
  column.accessor('id', { header: 'Check', cell: (info) => <code>{info.getValue()}</code> }),
  column.accessor('blocking', {
    header: 'Effect',
    cell: (info) =>
      info.getValue() ? (
        <span className="badge check-blocking">blocking</span>
      ) : (
        <span className="badge check-warning">warning</span>
      ),
  }),
  column.accessor((c) => [c.port, c.column].filter(Boolean).join(' · ') || '—', {
    id: 'where',
    header: 'Port · column',
  }),
  column.accessor((c) => (c.observed === undefined ? '—' : String(c.observed)), { id: 'observed', header: 'Observed' }),
  column.accessor((c) => c.threshold ?? '—', { id: 'threshold', header: 'Expected' }),
  column.accessor('message', { header: 'Message' }),
]) satisfies DataTableColumns<FailedCheck>;

export function FailedChecksTable({
  caption,
  checks,
}: {
  readonly caption: string;
  readonly checks: readonly FailedCheck[];
}) {
  if (checks.length === 0) return <p className="muted">No check failed: the run failed before or after its checks.</p>;
  return (
    <DataTable
      caption={caption}
      columns={columns}
      data={[...checks]}
      getRowId={(c) => c.id}
      className="failed-checks"
    />
  );
}
