/** Findings, narrowed by outcome, policy and domain through the URL (`?outcome=fail&domain=logistics`). */
import type { FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { LoadError, Loading } from '../components/query-status.js';
import { findingsFilterFrom, withFindingsFilter } from './findings-params.js';
import { FindingsTable } from './findings-table.js';
import { useFindings } from './governance-api.js';
import { FINDING_OUTCOMES, type FindingOutcome, type Policy } from './governance-types.js';

export function FindingsSection({
  policies,
  domains,
}: {
  readonly policies: readonly Policy[];
  readonly domains: readonly string[];
}) {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const filter = findingsFilterFrom(params);
  const findings = useFindings(filter);
  const apply = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (key: string) => String(form.get(key) ?? '') || undefined;
    const next = withFindingsFilter(params, {
      outcome: value('outcome') as FindingOutcome | undefined,
      policy: value('policy'),
      domain: value('domain'),
    });
    const query = next.toString();
    void navigate(`/governance${query ? `?${query}` : ''}`);
  };
  const items = findings.data?.items ?? [];
  return (
    <section aria-labelledby="findings-title">
      <h2 id="findings-title">Findings</h2>
      <form className="governance-filters" onSubmit={apply} key={params.toString()}>
        <label>
          Outcome
          <select name="outcome" defaultValue={filter.outcome ?? ''}>
            <option value="">any outcome</option>
            {FINDING_OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>
        </label>
        <label>
          Policy
          <select name="policy" defaultValue={filter.policy ?? ''}>
            <option value="">any policy</option>
            {policies.map((p) => (
              <option key={p.id} value={p.id}>
                {p.id}
              </option>
            ))}
          </select>
        </label>
        <label>
          Domain
          <select name="domain" defaultValue={filter.domain ?? ''}>
            <option value="">any domain</option>
            {domains.map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">Apply</button>
      </form>
      {findings.isPending && <Loading what="findings" />}
      {findings.isError && <LoadError error={findings.error} />}
      {findings.data && (
        <p role="status" className="muted">
          {items.length === 0
            ? 'No finding: every product passes every policy (or the filter matches none).'
            : `${items.length} finding${items.length === 1 ? '' : 's'}: ${items.filter((f) => f.outcome === 'fail').length} failing, ${items.filter((f) => f.outcome === 'waived').length} waived, ${items.filter((f) => f.outcome === 'error').length} errors.`}
        </p>
      )}
      {items.length > 0 && <FindingsTable findings={items} />}
    </section>
  );
}
