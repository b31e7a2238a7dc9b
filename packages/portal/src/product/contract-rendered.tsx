/**
 * A contract version rendered for readers: its status (and deprecation, with the days it stops
 * being supported and served), terms of use, schema, quality rules, SLA properties, support and
 * team. Tables over TanStack Table; the column definitions live in contract-columns.tsx.
 */
import { useMemo } from 'react';
import { DataTable } from '../components/data-table.js';
import { readContractDocument } from './contract-document.js';
import { contractColumnColumns, qualityRuleColumns, slaColumns } from './contract-columns.js';
import type { ContractVersion } from './product-api-types.js';

export function ContractRendered({ contract }: { readonly contract: ContractVersion }) {
  const view = useMemo(() => readContractDocument(contract.document), [contract.document]);
  const name = `${contract.port} v${contract.major}`;
  const { terms, deprecation } = view;
  return (
    <div className="contract-rendered">
      <p className="contract-heading">
        <strong>
          {name} · contract {view.version ?? contract.version}
        </strong>{' '}
        {view.status && <span className={`badge lifecycle-${view.status}`}>{view.status}</span>}{' '}
        <span className="muted">
          {contract.registered
            ? `published ${contract.publishedAt?.slice(0, 10) ?? ''}`
            : 'workspace document, not published yet'}
        </span>
      </p>
      {deprecation && (
        <p className="notice deprecation-notice">
          <strong>Deprecated.</strong>
          {deprecation.endOfSupport && ` End of support: ${deprecation.endOfSupport}.`}
          {deprecation.endOfLife
            ? ` End of life: ${deprecation.endOfLife} — it is no longer served after that day.`
            : ' No end of life is set yet.'}
        </p>
      )}

      <h3>Terms of use</h3>
      <dl className="facts wide terms">
        <Fact term="Purpose" value={terms.purpose} />
        <Fact term="Usage" value={terms.usage} />
        <Fact term="Limitations" value={terms.limitations} />
        <Fact term="Price" value={view.price} />
      </dl>

      <h3>Schema</h3>
      {view.tables.length === 0 && <p className="muted">The contract declares no table.</p>}
      {view.tables.map((table) => (
        <div key={table.name}>
          {(table.description || table.granularity) && (
            <p className="muted">
              {table.name}: {[table.description, table.granularity].filter(Boolean).join(' ')}
            </p>
          )}
          <DataTable
            caption={`${name} · ${table.name} (${table.columns.length} column${table.columns.length === 1 ? '' : 's'})`}
            columns={contractColumnColumns}
            data={table.columns}
            className="contract-schema-table"
          />
        </div>
      ))}

      <h3>Quality rules</h3>
      {view.qualityRules.length === 0 ? (
        <p className="muted">No quality rule.</p>
      ) : (
        <DataTable
          caption={`${view.qualityRules.length} quality rule${view.qualityRules.length === 1 ? '' : 's'}`}
          columns={qualityRuleColumns}
          data={view.qualityRules}
          className="contract-quality-table"
        />
      )}

      <h3>Service levels</h3>
      {view.slaProperties.length === 0 ? (
        <p className="muted">No SLA property.</p>
      ) : (
        <DataTable caption="SLA properties" columns={slaColumns} data={view.slaProperties} />
      )}

      <h3>Support</h3>
      {view.support.length === 0 ? (
        <p className="muted">No support channel.</p>
      ) : (
        <ul className="support-channels">
          {view.support.map((s) => (
            <li key={`${s.channel}${s.url ?? ''}`}>
              {s.url ? <a href={s.url}>{s.channel}</a> : s.channel}
              {(s.tool || s.scope) && <span className="muted"> ({[s.tool, s.scope].filter(Boolean).join(', ')})</span>}
              {s.description && ` — ${s.description}`}
            </li>
          ))}
        </ul>
      )}
      {view.team.length > 0 && (
        <>
          <h3>Team</h3>
          <ul className="support-channels">
            {view.team.map((m) => (
              <li key={m.name}>
                {m.name}
                {m.role && <span className="muted"> — {m.role}</span>}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function Fact({ term, value }: { readonly term: string; readonly value: string | null }) {
  if (!value) return null;
  return (
    <div>
      <dt>{term}</dt>
      <dd>{value}</dd>
    </div>
  );
}
