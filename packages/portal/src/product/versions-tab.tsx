/**
 * Versions & changelog: the product's version, then per output port its major versions, newest
 * first — what changed from the major before it (`GET …/diff?port=orders@2&fromPort=orders@1`)
 * and every registered version of its contract with the change classification from the
 * version before (the detail's changelog).
 */
import { useMemo } from 'react';
import { LoadError, Loading } from '../components/query-status.js';
import { ChangeList, SeverityBadge } from './change-list.js';
import { majorVersions, type MajorVersionView } from './changelog-view.js';
import { useMajorDiff } from './product-api.js';
import { useProductTab } from './product-context.js';

export function VersionsTab() {
  const { detail, summary } = useProductTab();
  const majors = useMemo(() => majorVersions(detail.contracts, detail.changelog), [detail]);
  return (
    <section aria-labelledby="versions-title" className="tab-panel">
      <h2 id="versions-title">Versions &amp; changelog</h2>
      <p>
        Product version <strong>{summary?.version ?? '—'}</strong>, {detail.lifecycle}. Each output port serves its
        major versions side by side; a change that breaks consumers needs a new major version.
      </p>
      {majors.map((m) => (
        <MajorVersion key={`${m.port}@${m.major}`} productId={detail.id} view={m} />
      ))}
    </section>
  );
}

function MajorVersion({ productId, view }: { readonly productId: string; readonly view: MajorVersionView }) {
  const id = `version-${view.port}-${view.major}`;
  return (
    <section aria-labelledby={id} className="major-version">
      <h3 id={id}>
        {view.port} v{view.major} <span className="muted">contract {view.workspaceVersion ?? '—'}</span>
      </h3>
      {view.previousMajor !== null && (
        <MajorDiff productId={productId} port={view.port} major={view.major} fromMajor={view.previousMajor} />
      )}
      <h4>Changelog of the v{view.major} contract</h4>
      {view.entries.length === 0 ? (
        <p className="muted">No version registered yet.</p>
      ) : (
        <ol className="changelog">
          {view.entries.map((e) => (
            <li key={e.version}>
              <p>
                <strong>{e.version}</strong>{' '}
                <span className="muted">
                  {e.publishedAt
                    ? `published ${e.publishedAt.slice(0, 10)} by ${e.publishedBy ?? '—'}`
                    : 'workspace, not published yet'}
                  {e.from ? ` · from ${e.from}` : ' · first version'}
                </span>{' '}
                {e.from && <SeverityBadge severity={e.severity} />}
              </p>
              {e.from && <ChangeList changes={e.changes} />}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function MajorDiff(props: { productId: string; port: string; major: number; fromMajor: number }) {
  const { productId, port, major, fromMajor } = props;
  const diff = useMajorDiff(productId, port, major, fromMajor);
  return (
    <div className="major-diff">
      <h4>
        From {port} v{fromMajor} to v{major} {diff.data && <SeverityBadge severity={diff.data.overall} />}
      </h4>
      {diff.isPending ? (
        <Loading what={`the changes from v${fromMajor}`} />
      ) : diff.isError ? (
        <LoadError error={diff.error} />
      ) : (
        diff.data.ports.map((p) => (
          <div key={`${p.port}@${p.major}`}>
            {p.note && <p className="muted">{p.note}</p>}
            <ChangeList changes={p.changes} />
          </div>
        ))
      )}
    </div>
  );
}
