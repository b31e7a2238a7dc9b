/** Compliance per policy (with what the policy asks) or per domain, as a table. */
import { useMemo } from 'react';
import { createColumnHelper } from '@tanstack/react-table';
import { DataTable, type DataTableColumns, type DataTableFeatures } from '../components/data-table.js';
import type { ComplianceBy, ComplianceRow, Policy } from './governance-types.js';

interface Row extends ComplianceRow {
  readonly policy?: Policy;
}

const column = createColumnHelper<DataTableFeatures, Row>();
const counts = [
  column.accessor('passed', { header: 'Passed' }),
  column.accessor('waived', { header: 'Waived' }),
  column.accessor('failed', { header: 'Failed' }),
  column.accessor('errors', { header: 'Errors' }),
  column.accessor('compliantPct', {
    header: 'Compliant',
    cell: (info) => <span className={`badge ${compliantClass(info.getValue())}`}>{info.getValue()}%</span>,
  }),
];
const byPolicy = column.columns([
  column.accessor('key', {
    header: 'Policy',
    cell: (info) => {
      const policy = info.row.original.policy;
      return (
        <>
          <code>{info.getValue()}</code>
          {policy && <div className="muted">{policy.description}</div>}
        </>
      );
    },
  }),
  column.accessor((r) => r.policy?.severity ?? '—', { id: 'severity', header: 'Severity' }),
  column.accessor((r) => r.policy?.domain ?? 'global', { id: 'scope', header: 'Scope' }),
  ...counts,
]) satisfies DataTableColumns<Row>;
const byDomain = column.columns([
  column.accessor('key', { header: 'Domain' }),
  ...counts,
]) satisfies DataTableColumns<Row>;

function compliantClass(pct: number): string {
  return pct === 100 ? 'health-good' : pct >= 80 ? 'health-fair' : 'health-poor';
}

export function ComplianceTable({
  by,
  rows,
  policies,
}: {
  readonly by: ComplianceBy;
  readonly rows: readonly ComplianceRow[];
  readonly policies: readonly Policy[];
}) {
  const data = useMemo(() => {
    const byId = new Map(policies.map((p) => [p.id, p]));
    return rows.map((r): Row => ({ ...r, ...(byId.has(r.key) ? { policy: byId.get(r.key) } : {}) }));
  }, [rows, policies]);
  return (
    <DataTable
      caption={by === 'policy' ? 'Compliance per policy' : 'Compliance per domain'}
      columns={by === 'policy' ? byPolicy : byDomain}
      data={data}
      getRowId={(r) => r.key}
      className="compliance-table"
    />
  );
}
