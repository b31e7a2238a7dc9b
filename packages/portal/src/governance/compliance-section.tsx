/** Compliance now, per policy or per domain: the bars and the same numbers as a table. */
import type { ComplianceBy, Policy } from './governance-types.js';
import { LoadError, Loading } from '../components/query-status.js';
import { useCompliance } from './governance-api.js';
import { ComplianceChart } from './compliance-chart.js';
import { ComplianceTable } from './compliance-table.js';

export function ComplianceSection({
  by,
  policies,
}: {
  readonly by: ComplianceBy;
  readonly policies: readonly Policy[];
}) {
  const compliance = useCompliance(by);
  const id = `compliance-by-${by}`;
  return (
    <section aria-labelledby={id} className="compliance-section">
      <h2 id={id}>Compliance per {by}</h2>
      {compliance.isPending && <Loading what={`compliance per ${by}`} />}
      {compliance.isError && <LoadError error={compliance.error} />}
      {compliance.data && (
        <div className="compliance-grid">
          <ComplianceChart rows={compliance.data.items} what={by} />
          <ComplianceTable by={by} rows={compliance.data.items} policies={policies} />
        </div>
      )}
    </section>
  );
}
