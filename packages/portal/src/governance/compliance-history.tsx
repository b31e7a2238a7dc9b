/** Compliance over time: the compliant share of each recorded whole-mesh check, as a line and as a table. */
import { useMemo } from 'react';
import { createColumnHelper } from '@tanstack/react-table';
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { DataTable, type DataTableColumns, type DataTableFeatures } from '../components/data-table.js';
import { LoadError, Loading } from '../components/query-status.js';
import { OUTCOME_COLOURS } from './chart-colours.js';
import { complianceHistorySeries, complianceHistorySummary, type ComplianceHistoryPoint } from './compliance-series.js';
import { useComplianceHistory } from './governance-api.js';

const column = createColumnHelper<DataTableFeatures, ComplianceHistoryPoint>();
const columns = column.columns([
  column.accessor('label', { header: 'Checked (UTC)' }),
  column.accessor((p) => (p.compliantPct === null ? '—' : `${p.compliantPct}%`), { id: 'pct', header: 'Compliant' }),
  column.accessor('passed', { header: 'Passed' }),
  column.accessor('waived', { header: 'Waived' }),
  column.accessor('failed', { header: 'Failed' }),
  column.accessor('errors', { header: 'Errors' }),
]) satisfies DataTableColumns<ComplianceHistoryPoint>;

export function ComplianceHistory() {
  const history = useComplianceHistory();
  const series = useMemo(() => complianceHistorySeries(history.data ?? []), [history.data]);
  const summary = complianceHistorySummary(series);
  return (
    <section aria-labelledby="compliance-history-title">
      <h2 id="compliance-history-title">Compliance over time</h2>
      {history.isPending && <Loading what="compliance history" />}
      {history.isError && <LoadError error={history.error} />}
      {history.data && (
        <>
          <p className="muted">{summary}</p>
          {series.length > 0 && (
            <LineChart
              responsive
              data={series}
              desc={summary}
              className="compliance-history-chart"
              style={{ width: '100%', height: 240 }}
              margin={{ top: 10, right: 20, bottom: 5, left: 5 }}
            >
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="label" />
              <YAxis domain={[0, 100]} unit="%" width={56} />
              <Tooltip />
              <Line
                dataKey="compliantPct"
                name="Compliant (%)"
                stroke={OUTCOME_COLOURS.passed}
                connectNulls
                isAnimationActive={false}
              />
            </LineChart>
          )}
          <details>
            <summary>Compliance over time: the data as a table</summary>
            <DataTable
              caption="Compliance per recorded check, oldest first"
              columns={columns}
              data={series}
              getRowId={(p) => p.checkId}
            />
          </details>
        </>
      )}
    </section>
  );
}
