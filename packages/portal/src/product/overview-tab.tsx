/**
 * Overview: what the product is for, who owns it and whether it keeps its service levels — both
 * up front — then its status, health and output ports.
 */
import type { ProductDetail } from '../api/api-types.js';
import { productOwner } from './product-owner.js';
import { useProductTab } from './product-context.js';
import { SloStatusPanel } from './slo-status-panel.js';

export function OverviewTab() {
  const { detail, summary } = useProductTab();
  const text = descriptionOf(detail.descriptor);
  const owner = productOwner(detail.owner, detail.descriptor);
  return (
    <section aria-labelledby="overview-title" className="tab-panel">
      <h2 id="overview-title">Overview</h2>
      {text.purpose && <p className="lead">{text.purpose}</p>}
      <div className="overview-highlights">
        <div>
          <h3>Owner</h3>
          <div className="owner-panel">
            <p>
              <strong>{owner.team ?? 'No owning team'}</strong>
              {owner.owners.length > 0 && <> — product owner {owner.owners.join(', ')}</>}
            </p>
            {owner.members.some((m) => m.role !== 'owner') && (
              <p className="muted">
                Team:{' '}
                {owner.members
                  .filter((m) => m.role !== 'owner')
                  .map((m) => (m.role ? `${m.name}, ${m.role}` : m.name))
                  .join('; ')}
              </p>
            )}
          </div>
        </div>
        <div>
          <h3>Service levels</h3>
          <SloStatusPanel detail={detail} />
        </div>
      </div>
      <dl className="facts wide">
        <div>
          <dt>Domain</dt>
          <dd>{detail.domain}</dd>
        </div>
        <div>
          <dt>Archetype</dt>
          <dd>{summary?.archetype ?? '—'}</dd>
        </div>
        <div>
          <dt>Lifecycle</dt>
          <dd>{detail.lifecycle}</dd>
        </div>
        <div>
          <dt>Version</dt>
          <dd>{summary?.version ?? '—'}</dd>
        </div>
        <div>
          <dt>Freshness</dt>
          <dd>{detail.status ? `${detail.status.status} — ${detail.status.reason}` : 'not evaluated yet'}</dd>
        </div>
        {text.usage && (
          <div>
            <dt>Usage</dt>
            <dd>{text.usage}</dd>
          </div>
        )}
        {text.limitations && (
          <div>
            <dt>Limitations</dt>
            <dd>{text.limitations}</dd>
          </div>
        )}
      </dl>
      <HealthSection health={detail.health} />
      <h3>Output ports</h3>
      <ul className="ports">
        {detail.contracts.map((c) => (
          <li key={`${c.port}@${c.major}`}>
            <strong>
              {c.port} v{c.major}
            </strong>{' '}
            <span className="muted">
              contract {c.workspaceVersion ?? c.version}
              {c.registeredVersions.length > 0
                ? `, published ${c.registeredVersions.map((v) => v.version).join(', ')}`
                : ', not published yet'}
            </span>
            {c.description && <p>{c.description}</p>}
          </li>
        ))}
      </ul>
    </section>
  );
}

function HealthSection({ health }: { readonly health: ProductDetail['health'] }) {
  if (!health) return <p className="muted">No health scorecard yet.</p>;
  return (
    <>
      <h3>Health {Math.round(health.score)} / 100</h3>
      <ul className="health-components">
        {health.components.map((c) => (
          <li key={c.name}>
            <strong>{c.name}</strong> {c.value === null ? '—' : `${Math.round(c.value * 100)}%`}{' '}
            <span className="muted">{c.summary}</span>
          </li>
        ))}
      </ul>
    </>
  );
}

/** ODPS `description: { purpose, usage, limitations }`, read defensively: the descriptor is as written. */
function descriptionOf(descriptor: unknown): { purpose?: string; usage?: string; limitations?: string } {
  const description = (descriptor as { description?: unknown } | null)?.description;
  if (typeof description !== 'object' || description === null) return {};
  const text = (key: string) => {
    const value = (description as Record<string, unknown>)[key];
    return typeof value === 'string' && value.trim() ? value : undefined;
  };
  return { purpose: text('purpose'), usage: text('usage'), limitations: text('limitations') };
}
