/**
 * Freshness over time as a step line across the levels failing, stale, unknown and fresh — each
 * transition of the status history, held until the next — with the transitions as a table.
 */
import { useMemo } from 'react';
import { createColumnHelper } from '@tanstack/react-table';
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { DataTable, type DataTableColumns, type DataTableFeatures } from '../components/data-table.js';
import { CHART_COLOURS, ChartFigure } from './chart-figure.js';
import {
  FRESHNESS_LEVELS,
  freshnessLevel,
  freshnessSpans,
  freshnessSummary,
  when,
  type FreshnessSpan,
} from './quality-series.js';
import type { StatusHistory } from './product-api-types.js';

const column = createColumnHelper<DataTableFeatures, FreshnessSpan>();
const columns = column.columns([
  column.accessor((s) => when(s.from), { id: 'from', header: 'From (UTC)' }),
  column.accessor((s) => when(s.to), { id: 'to', header: 'Until (UTC)' }),
  column.accessor('status', {
    header: 'Status',
    cell: (info) => <span className={`badge freshness-${info.getValue()}`}>{info.getValue()}</span>,
  }),
  column.accessor('reason', { header: 'Reason' }),
]) satisfies DataTableColumns<FreshnessSpan>;

export function FreshnessTimeline({ history, now }: { readonly history: StatusHistory; readonly now: Date }) {
  const spans = useMemo(() => freshnessSpans(history.items, now), [history, now]);
  // One point at each transition and one at the end of the last span: a step line holds each level.
  const data = useMemo(
    () =>
      spans.length === 0
        ? []
        : [
            ...spans.map((s) => ({ t: Date.parse(s.from), level: freshnessLevel(s.status) })),
            { t: Date.parse(spans.at(-1)!.to), level: freshnessLevel(spans.at(-1)!.status) },
          ],
    [spans],
  );
  return (
    <ChartFigure
      id="quality-freshness"
      title="Freshness over time"
      summary={freshnessSummary(spans) + (history.next ? ' Older changes are not shown.' : '')}
      table={<DataTable caption="Freshness status, oldest first" columns={columns} data={spans} />}
    >
      <LineChart
        responsive
        data={data}
        className="chart"
        desc="Freshness status over time: fresh, unknown, stale, failing"
      >
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis
          dataKey="t"
          type="number"
          scale="time"
          domain={['dataMin', 'dataMax']}
          tickFormatter={(t: number) => when(new Date(t).toISOString())}
        />
        <YAxis
          domain={[0, FRESHNESS_LEVELS.length - 1]}
          ticks={FRESHNESS_LEVELS.map((_, i) => i)}
          tickFormatter={(level: number) => FRESHNESS_LEVELS[level] ?? ''}
          width={88}
        />
        <Tooltip
          labelFormatter={(t) => when(new Date(Number(t)).toISOString())}
          formatter={(level) => FRESHNESS_LEVELS[Number(level)] ?? ''}
        />
        <Line dataKey="level" name="Status" type="stepAfter" stroke={CHART_COLOURS[2]} isAnimationActive={false} />
      </LineChart>
    </ChartFigure>
  );
}
