/**
 * The governance dashboard (`/governance`): how compliant the mesh is with its policies now — per
 * policy and per domain — and over time, every finding of the latest check with its explanation,
 * and the waivers with their owner and expiry. Counts cover the products the viewer may discover.
 */
import { useMemo, useState } from 'react';
import { LoadError, Loading } from '../components/query-status.js';
import { usePageTitle } from '../layout/use-page-title.js';
import { ComplianceHistory } from './compliance-history.js';
import { ComplianceSection } from './compliance-section.js';
import { FindingsSection } from './findings-section.js';
import { useCompliance, usePolicies, useWaivers } from './governance-api.js';
import { WaiversTable } from './waivers-table.js';

export function GovernancePage() {
  usePageTitle('Governance');
  const policies = usePolicies();
  const byDomain = useCompliance('domain');
  const waivers = useWaivers();
  // Expiry is judged against the day the page was opened.
  const [now] = useState(() => new Date());
  const policyList = policies.data ?? [];
  const domains = useMemo(() => (byDomain.data?.items ?? []).map((r) => r.key).sort(), [byDomain.data]);
  return (
    <div className="governance-page">
      <h1>Governance</h1>
      <p className="muted">
        {byDomain.data
          ? `Latest whole-mesh check: ${byDomain.data.checkedAt.slice(0, 16).replace('T', ' ')} UTC. `
          : ''}
        Policies as code, checked at every publish and on a schedule; a waiver excuses one finding until it expires.
      </p>
      {policies.isError && <LoadError error={policies.error} />}
      <ComplianceSection by="policy" policies={policyList} />
      <ComplianceSection by="domain" policies={policyList} />
      <ComplianceHistory />
      <FindingsSection policies={policyList} domains={domains} />
      <section aria-labelledby="waivers-title">
        <h2 id="waivers-title">Waivers</h2>
        {waivers.isPending && <Loading what="waivers" />}
        {waivers.isError && <LoadError error={waivers.error} />}
        {waivers.data && waivers.data.length === 0 && <p className="muted">No waiver.</p>}
        {waivers.data && waivers.data.length > 0 && <WaiversTable waivers={waivers.data} now={now} />}
      </section>
    </div>
  );
}
