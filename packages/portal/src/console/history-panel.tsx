/** The viewer's recent queries: a click puts one back in the editor (it does not run it). */
import type { HistoryEntry } from './query-history.js';

export interface HistoryPanelProps {
  readonly entries: readonly HistoryEntry[];
  readonly onPick: (sql: string) => void;
  readonly onClear: () => void;
}

const time = (iso: string) =>
  new Date(iso).toLocaleString('en', { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });

export function HistoryPanel({ entries, onPick, onClear }: HistoryPanelProps) {
  return (
    <section aria-labelledby="history-title" className="console-history">
      <div className="console-side-heading">
        <h2 id="history-title">History</h2>
        {entries.length > 0 && (
          <button type="button" onClick={onClear}>
            Clear history
          </button>
        )}
      </div>
      {entries.length === 0 ? (
        <p className="muted">Your queries will be listed here (in this browser only).</p>
      ) : (
        <ol className="history-list">
          {entries.map((entry) => (
            <li key={entry.sql}>
              <button type="button" onClick={() => onPick(entry.sql)} title="Put this query back in the editor">
                <code className="history-sql">{entry.sql}</code>
                <span className="muted">
                  {time(entry.ranAt)} · {entry.outcome}
                </span>
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
