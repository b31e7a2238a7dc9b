/**
 * Contract: one output port version's contract at a time — picked by port major and version,
 * both in the URL — rendered (terms, schema, quality rules, SLA properties, support) or as the
 * raw document, YAML or JSON. Documents come from
 * `GET /api/v1/products/{id}/contracts/{contractId}/versions/{version}`.
 */
import { useSearchParams } from 'react-router';
import { LoadError, Loading } from '../components/query-status.js';
import { ContractRendered } from './contract-rendered.js';
import { CONTRACT_VIEWS, selectContract, type ContractSelection, type ContractViewMode } from './contract-selection.js';
import { useContractVersion } from './product-api.js';
import { useProductTab } from './product-context.js';

const VIEW_LABELS: Record<ContractViewMode, string> = { rendered: 'Rendered', yaml: 'YAML', json: 'JSON' };

export function ContractTab() {
  const { detail } = useProductTab();
  const [params, setParams] = useSearchParams();
  const selection = selectContract(detail.contracts, params);
  const choose = (changes: Record<string, string>) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(changes)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        return next;
      },
      { replace: true },
    );

  return (
    <section aria-labelledby="contract-title" className="tab-panel">
      <h2 id="contract-title">Contract</h2>
      {!selection ? (
        <p className="notice">This product has no output port with a contract.</p>
      ) : (
        <>
          <div className="contract-controls">
            <label>
              Output port
              <select
                value={selection.portKey}
                // A new port starts at the version it serves.
                onChange={(event) => choose({ port: event.target.value, version: '' })}
              >
                {detail.contracts.flatMap((c) =>
                  c.contractId === null
                    ? []
                    : [
                        <option key={`${c.port}@${c.major}`} value={`${c.port}@${c.major}`}>
                          {c.port} v{c.major}
                        </option>,
                      ],
                )}
              </select>
            </label>
            <label>
              Version
              <select value={selection.version} onChange={(event) => choose({ version: event.target.value })}>
                {selection.options.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            </label>
            <div role="group" aria-label="Show the contract as" className="toggle-group">
              {CONTRACT_VIEWS.map((view) => (
                <button
                  key={view}
                  type="button"
                  aria-pressed={selection.view === view}
                  onClick={() => choose({ view })}
                >
                  {VIEW_LABELS[view]}
                </button>
              ))}
            </div>
          </div>
          <ContractVersionView productId={detail.id} selection={selection} />
        </>
      )}
    </section>
  );
}

function ContractVersionView({ productId, selection }: { productId: string; selection: ContractSelection }) {
  const { contract, version, view } = selection;
  const document = useContractVersion(productId, contract.contractId, version);
  if (document.isPending) return <Loading what={`contract ${contract.port} v${contract.major}`} />;
  if (document.isError) return <LoadError error={document.error} />;
  const loaded = document.data;
  if (view === 'rendered') return <ContractRendered contract={loaded} />;
  const text = view === 'yaml' ? loaded.yaml : `${JSON.stringify(loaded.document, null, 2)}\n`;
  const label = `${contract.port} v${contract.major} contract ${loaded.documentVersion ?? version}, as ${VIEW_LABELS[view]}`;
  return (
    <>
      <p className="muted">
        {view === 'yaml'
          ? 'The document as YAML (comments of the file are not kept).'
          : loaded.registered
            ? 'The document exactly as it was registered (canonical JSON: keys sorted).'
            : 'The workspace document as JSON.'}
      </p>
      {/* A scrollable region must be reachable by keyboard to be scrolled by keyboard. */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex */}
      <pre className="contract-source" role="region" aria-label={label} tabIndex={0}>
        <code>{text}</code>
      </pre>
    </>
  );
}
