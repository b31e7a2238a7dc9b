/** Reads of the product per day: queries and distinct principals (bars), rows returned (line). */
import { useMemo } from 'react';
import { createColumnHelper } from '@tanstack/react-table';
import { Bar, CartesianGrid, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis } from 'recharts';
import { DataTable, type DataTableColumns, type DataTableFeatures } from '../components/data-table.js';
import { CHART_COLOURS, ChartFigure } from './chart-figure.js';
import type { ProductQuery } from './product-api-types.js';
import { usageByDay, usageSummary, type UsageDay } from './usage-series.js';

const column = createColumnHelper<DataTableFeatures, UsageDay>();
const columns = column.columns([
  column.accessor('day', { header: 'Day (UTC)' }),
  column.accessor('queries', { header: 'Queries' }),
  column.accessor('principals', { header: 'Principals' }),
  column.accessor((d) => d.rows.toLocaleString('en'), { id: 'rows', header: 'Rows returned' }),
]) satisfies DataTableColumns<UsageDay>;
const compact = new Intl.NumberFormat('en', { notation: 'compact' });

export interface UsageChartProps {
  readonly queries: readonly ProductQuery[];
  readonly since: Date;
  readonly now: Date;
  readonly truncated: boolean;
}

export function UsageChart({ queries, since, now, truncated }: UsageChartProps) {
  const days = useMemo(() => usageByDay(queries, since, now), [queries, since, now]);
  const active = useMemo(() => days.filter((d) => d.queries > 0), [days]);
  return (
    <ChartFigure
      id="usage-over-time"
      title="Usage per day"
      summary={usageSummary(days, queries, truncated)}
      table={<DataTable caption="Days with queries, oldest first" columns={columns} data={active} />}
    >
      <ComposedChart responsive data={days} className="chart" desc="Queries, principals and rows returned per day">
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="day" />
        <YAxis yAxisId="count" allowDecimals={false} width={48} />
        <YAxis yAxisId="rows" orientation="right" tickFormatter={(v: number) => compact.format(v)} width={56} />
        <Tooltip />
        <Legend />
        <Bar yAxisId="count" dataKey="queries" name="Queries" fill={CHART_COLOURS[0]} isAnimationActive={false} />
        <Bar yAxisId="count" dataKey="principals" name="Principals" fill={CHART_COLOURS[1]} isAnimationActive={false} />
        <Line
          yAxisId="rows"
          dataKey="rows"
          name="Rows returned"
          stroke={CHART_COLOURS[2]}
          dot={false}
          isAnimationActive={false}
        />
      </ComposedChart>
    </ChartFigure>
  );
}
