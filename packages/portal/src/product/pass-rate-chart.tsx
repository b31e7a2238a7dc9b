/** Quality: the share of each run's checks that passed, run by run, with the table underneath. */
import { useMemo } from 'react';
import { createColumnHelper } from '@tanstack/react-table';
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { DataTable, type DataTableColumns, type DataTableFeatures } from '../components/data-table.js';
import { CHART_COLOURS, ChartFigure } from './chart-figure.js';
import type { QualityRun } from './product-api-types.js';
import { passRateSeries, passRateSummary, when, type PassRatePoint } from './quality-series.js';

const column = createColumnHelper<DataTableFeatures, PassRatePoint>();
const columns = column.columns([
  column.accessor((p) => when(p.at), { id: 'at', header: 'Run finished (UTC)' }),
  column.accessor('status', { header: 'Run' }),
  column.accessor((p) => (p.passRate === null ? '—' : `${p.passRate}%`), { id: 'rate', header: 'Pass rate' }),
  column.accessor('passed', { header: 'Passed' }),
  column.accessor('failed', { header: 'Failed' }),
  column.accessor('warnings', { header: 'Warnings' }),
]) satisfies DataTableColumns<PassRatePoint>;

export function PassRateChart({ history }: { readonly history: readonly QualityRun[] }) {
  const points = useMemo(() => passRateSeries(history), [history]);
  const data = useMemo(() => points.map((p) => ({ ...p, label: when(p.at) })), [points]);
  return (
    <ChartFigure
      id="quality-pass-rate"
      title="Quality checks passed per run"
      summary={passRateSummary(points)}
      table={<DataTable caption="Checks per run, oldest first" columns={columns} data={points} />}
    >
      <LineChart responsive data={data} className="chart" desc="Share of checks passed, per run, in percent">
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="label" />
        <YAxis domain={[0, 100]} unit="%" width={56} />
        <Tooltip />
        <Line
          dataKey="passRate"
          name="Pass rate (%)"
          stroke={CHART_COLOURS[0]}
          connectNulls
          isAnimationActive={false}
        />
      </LineChart>
    </ChartFigure>
  );
}
