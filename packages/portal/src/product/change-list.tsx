/**
 * Contract changes grouped by severity — breaking, risky, non-breaking — each with the
 * classifier's explanation. Non-breaking changes fold away when there are many.
 */
import type { ContractChange } from './product-api-types.js';
import { bySeverity } from './changelog-view.js';

const HEADINGS = { breaking: 'Breaking', risky: 'Risky', 'non-breaking': 'Non-breaking' } as const;
const FOLD_ABOVE = 5;

export function ChangeList({ changes }: { readonly changes: readonly ContractChange[] }) {
  if (changes.length === 0) return <p className="muted">No change.</p>;
  return (
    <div className="change-groups">
      {bySeverity(changes).map(({ severity, changes: group }) => {
        const list = (
          <ul className={`change-list changes-${severity}`}>
            {group.map((c, i) => (
              <li key={`${c.kind}-${i}`}>
                <span className={`badge severity-${severity}`}>{severity}</span> <code>{c.kind}</code> {c.explanation}
              </li>
            ))}
          </ul>
        );
        const title = `${HEADINGS[severity]} (${group.length})`;
        return severity === 'non-breaking' && group.length > FOLD_ABOVE ? (
          <details key={severity}>
            <summary>{title}</summary>
            {list}
          </details>
        ) : (
          <div key={severity}>
            <p className="change-group-title">{title}</p>
            {list}
          </div>
        );
      })}
    </div>
  );
}

export function SeverityBadge({ severity }: { readonly severity: string }) {
  return <span className={`badge severity-${severity}`}>{severity === 'none' ? 'no change' : severity}</span>;
}
