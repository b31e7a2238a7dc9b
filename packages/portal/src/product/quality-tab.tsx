/**
 * Quality & SLOs: the SLO status now, then charts over time — checks passed per run (the
 * detail's quality history), rows per snapshot, and freshness (`GET …/status`) — each with a
 * summary in words and its data as a table. Loaded on demand: recharts is only fetched here.
 */
import { useState } from 'react';
import { LoadError, Loading } from '../components/query-status.js';
import { FreshnessTimeline } from './freshness-timeline.js';
import { PassRateChart } from './pass-rate-chart.js';
import { useStatusHistory } from './product-api.js';
import { useProductTab } from './product-context.js';
import { RowCountChart } from './row-count-chart.js';
import { SloStatusPanel } from './slo-status-panel.js';

export function QualityTab() {
  const { detail } = useProductTab();
  const history = useStatusHistory(detail.id);
  // Fixed while the tab is open, so the timeline's last span does not move under the reader.
  const [now] = useState(() => new Date());
  return (
    <section aria-labelledby="quality-title" className="tab-panel">
      <h2 id="quality-title">Quality &amp; SLOs</h2>
      <SloStatusPanel detail={detail} />
      <div className="charts">
        <PassRateChart history={detail.qualityHistory} />
        <RowCountChart snapshots={detail.snapshots} />
        {history.isPending ? (
          <Loading what="the freshness history" />
        ) : history.isError ? (
          <LoadError error={history.error} />
        ) : (
          <FreshnessTimeline history={history.data} now={now} />
        )}
      </div>
    </section>
  );
}
