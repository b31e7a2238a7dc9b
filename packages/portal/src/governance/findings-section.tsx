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
        <FilterSelect
          label="Outcome"
          name="outcome"
          any="any outcome"
          value={filter.outcome}
          options={FINDING_OUTCOMES}
        />
        <FilterSelect
          label="Policy"
          name="policy"
          any="any policy"
          value={filter.policy}
          options={policies.map((p) => p.id)}
        />
        <FilterSelect label="Domain" name="domain" any="any domain" value={filter.domain} options={domains} />
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

/** One labelled filter: "any …" first, then each option by its own value. */
function FilterSelect(props: {
  readonly label: string;
  readonly name: string;
  readonly any: string;
  readonly value: string | undefined;
  readonly options: readonly string[];
}) {
  return (
    <label>
      {props.label}
      <select name={props.name} defaultValue={props.value ?? ''}>
        <option value="">{props.any}</option>
        {props.options.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
    </label>
  );
}
