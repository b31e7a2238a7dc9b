/**
 * Compliance of each policy or domain as horizontal stacked bars — passed, waived, failed, errors
 * — read with the table beside it (compliance-table.tsx), which says the same in text.
 */
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { OUTCOME_COLOURS } from './chart-colours.js';
import type { ComplianceRow } from './governance-types.js';

const BAR_HEIGHT = 22;
const OUTCOME_ORDER = ['passed', 'waived', 'failed', 'errors'];

export function ComplianceChart({ rows, what }: { readonly rows: readonly ComplianceRow[]; readonly what: string }) {
  const worst = [...rows].sort((a, b) => a.compliantPct - b.compliantPct)[0];
  const description = worst
    ? `Outcomes per ${what}, stacked: passed, waived, failed and errors. Least compliant: ${worst.key} at ${worst.compliantPct}%.`
    : `No ${what} was checked.`;
  return (
    <div className="compliance-chart">
      <BarChart
        responsive
        layout="vertical"
        data={[...rows]}
        desc={description}
        style={{ width: '100%', height: rows.length * BAR_HEIGHT + 80 }}
        margin={{ top: 5, right: 20, bottom: 5, left: 5 }}
      >
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" allowDecimals={false} />
        <YAxis type="category" dataKey="key" width={250} interval={0} tick={{ fontSize: 12 }} />
        <Tooltip />
        {/* The stacking order, not the alphabet. */}
        <Legend itemSorter={(item) => OUTCOME_ORDER.indexOf(String(item.dataKey))} />
        <Bar
          dataKey="passed"
          name="Passed"
          stackId="outcomes"
          fill={OUTCOME_COLOURS.passed}
          isAnimationActive={false}
        />
        <Bar
          dataKey="waived"
          name="Waived"
          stackId="outcomes"
          fill={OUTCOME_COLOURS.waived}
          isAnimationActive={false}
        />
        <Bar
          dataKey="failed"
          name="Failed"
          stackId="outcomes"
          fill={OUTCOME_COLOURS.failed}
          isAnimationActive={false}
        />
        <Bar
          dataKey="errors"
          name="Errors"
          stackId="outcomes"
          fill={OUTCOME_COLOURS.errors}
          isAnimationActive={false}
        />
      </BarChart>
      <p className="visually-hidden">{description}</p>
    </div>
  );
}
