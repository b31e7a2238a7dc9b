/**
 * The SQL console (`/console`, `/console?sql=…` pre-fills the editor): write a query over the data
 * products you may read, run it through the governed gateway as yourself (masks and row filters
 * apply), cancel it, export it as CSV or Parquet, and come back to it from the history. The query
 * last run is written to the URL, so it can be shared.
 */
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { usePageTitle } from '../layout/use-page-title.js';
import { useSession } from '../session/session-context.js';
import { completionSchema } from './completion-schema.js';
import { useQueryRelations } from './console-api.js';
import { DeprecationWarning } from './deprecation-warning.js';
import { HistoryPanel } from './history-panel.js';
import { ConsoleStatus, QueryError, RunResult } from './query-outcome.js';
import { RelationsPanel } from './relations-panel.js';
import { SqlEditor } from './sql-editor.js';
import { useQueryHistory } from './use-query-history.js';
import { useQueryRunner, type FileFormat } from './use-query-runner.js';

/** Rows shown in the grid; an export is not limited by it. */
const ROW_LIMITS = [100, 1_000, 5_000] as const;
const DEFAULT_ROW_LIMIT = 1_000;

export function ConsolePage() {
  usePageTitle('SQL console');
  const userId = useSession().session?.me.id ?? '';
  // Keyed by user: a history never carries over to the next person signed in.
  return <SqlConsole key={userId} userId={userId} />;
}

function SqlConsole({ userId }: { readonly userId: string }) {
  const [params, setParams] = useSearchParams();
  const linkedSql = params.get('sql');
  const [sql, setSql] = useState(linkedSql ?? '');
  // A link followed while the console is open replaces the text; the URL written by a run below
  // holds the text already, so it changes nothing.
  const [previousLinkedSql, setPreviousLinkedSql] = useState(linkedSql);
  if (linkedSql !== previousLinkedSql) {
    setPreviousLinkedSql(linkedSql);
    if (linkedSql !== null && linkedSql !== sql) setSql(linkedSql);
  }
  const [maxRows, setMaxRows] = useState<number>(DEFAULT_ROW_LIMIT);
  const relations = useQueryRelations();
  const schema = useMemo(() => completionSchema(relations.data?.items ?? []), [relations.data]);
  const history = useQueryHistory(userId);
  const runner = useQueryRunner(history.add);
  const busy = runner.activity !== null;
  const ready = sql.trim() !== '' && !busy;

  const run = () => {
    if (!ready) return;
    setParams({ sql }, { replace: true });
    void runner.run(sql, maxRows);
  };
  const exportAs = (format: FileFormat) => {
    if (ready) void runner.exportAs(sql, format);
  };

  return (
    <section aria-labelledby="console-title" className="console-page">
      <h1 id="console-title">SQL console</h1>
      <p className="muted">
        Query the data products you may read, as yourself: masks and row filters apply. Press <kbd>Ctrl</kbd>+
        <kbd>Enter</kbd> (<kbd>⌘</kbd>+<kbd>Enter</kbd> on a Mac) to run; <kbd>Tab</kbd> leaves the editor.
      </p>
      <div className="console-layout">
        <div className="console-main">
          <p className="console-editor-label" aria-hidden="true">
            SQL query
          </p>
          <SqlEditor
            label="SQL query"
            value={sql}
            onChange={setSql}
            onRun={run}
            schema={schema}
            placeholderText="SELECT region, count(*) FROM sales.orders GROUP BY region"
          />
          <div className="console-toolbar">
            <button type="button" className="primary" onClick={run} disabled={!ready}>
              Run
            </button>
            <button type="button" onClick={runner.cancel} disabled={!busy}>
              Cancel
            </button>
            <label className="row-limit">
              Row limit{' '}
              <select value={maxRows} onChange={(event) => setMaxRows(Number(event.target.value))}>
                {ROW_LIMITS.map((limit) => (
                  <option key={limit} value={limit}>
                    {limit.toLocaleString('en')} rows
                  </option>
                ))}
              </select>
            </label>
            <span className="console-export">
              <button type="button" onClick={() => exportAs('csv')} disabled={!ready}>
                Export CSV
              </button>
              <button type="button" onClick={() => exportAs('parquet')} disabled={!ready}>
                Export Parquet
              </button>
            </span>
          </div>
          <ConsoleStatus activity={runner.activity} outcome={runner.outcome} exported={runner.exported} />
          {runner.deprecation && <DeprecationWarning notice={runner.deprecation} />}
          {runner.exported?.kind === 'error' && (
            <QueryError error={runner.exported.error} what="The export was refused or failed:" />
          )}
          {runner.outcome && <RunResult outcome={runner.outcome} />}
        </div>
        <aside className="console-side" aria-label="Relations and history">
          <HistoryPanel entries={history.entries} onPick={setSql} onClear={history.clear} />
          <RelationsPanel relations={relations.data?.items} error={relations.error} onPick={setSql} />
        </aside>
      </div>
    </section>
  );
}
