/** Rows in each published snapshot, one line per port version, with the table underneath. */
import { useMemo } from 'react';
import { createColumnHelper } from '@tanstack/react-table';
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { DataTable, type DataTableColumns, type DataTableFeatures } from '../components/data-table.js';
import { CHART_COLOURS, ChartFigure } from './chart-figure.js';
import type { PortSnapshots } from './product-api-types.js';
import { rowCountSeries, rowCountSummary, when, type RowCountPoint } from './quality-series.js';

const column = createColumnHelper<DataTableFeatures, RowCountPoint>();
const compact = new Intl.NumberFormat('en', { notation: 'compact' });

export function RowCountChart({ snapshots }: { readonly snapshots: readonly PortSnapshots[] }) {
  const { series, points } = useMemo(() => rowCountSeries(snapshots), [snapshots]);
  const data = useMemo(() => points.map((p) => ({ label: when(p.at), ...p.counts })), [points]);
  const columns = useMemo(
    () =>
      column.columns([
        column.accessor((p) => when(p.at), { id: 'at', header: 'Published (UTC)' }),
        ...series.map((name) =>
          column.accessor((p) => p.counts[name]?.toLocaleString('en') ?? '—', { id: name, header: `${name} rows` }),
        ),
      ]) satisfies DataTableColumns<RowCountPoint>,
    [series],
  );
  return (
    <ChartFigure
      id="quality-row-counts"
      title="Rows per snapshot"
      summary={rowCountSummary(series, points)}
      table={<DataTable caption="Rows per snapshot, oldest first" columns={columns} data={points} />}
    >
      <LineChart responsive data={data} className="chart" desc="Rows in each published snapshot, per port version">
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="label" />
        <YAxis tickFormatter={(value: number) => compact.format(value)} width={56} />
        <Tooltip />
        <Legend />
        {series.map((name, i) => (
          <Line
            key={name}
            dataKey={name}
            name={name}
            stroke={CHART_COLOURS[i % CHART_COLOURS.length]}
            connectNulls
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </ChartFigure>
  );
}
