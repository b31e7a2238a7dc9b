/**
 * What a run and an export ended with: one live status line (running, rows and time, cancelled),
 * the API's error code and message when refused, the truncation note and the result grid.
 */
import { ApiError } from '../api/api-client.js';
import { ResultGrid } from './result-grid.js';
import { rowCount, type Activity, type ExportOutcome, type RunOutcome } from './use-query-runner.js';

const FORMAT_NAMES = { csv: 'CSV', parquet: 'Parquet' } as const;

/** Always rendered, so screen readers announce each change of its text. */
export function ConsoleStatus({
  activity,
  outcome,
  exported,
}: {
  readonly activity: Activity | null;
  readonly outcome: RunOutcome | null;
  readonly exported: ExportOutcome | null;
}) {
  return (
    <p role="status" className="console-status">
      {activity ? (
        activity.kind === 'query' ? (
          'Running the query…'
        ) : (
          `Exporting the result as ${FORMAT_NAMES[activity.format]}…`
        )
      ) : (
        <>
          {outcome && runText(outcome)}
          {outcome && exported && ' '}
          {exported && exportText(exported)}
        </>
      )}
    </p>
  );
}

function runText(outcome: RunOutcome): string {
  switch (outcome.kind) {
    case 'result': {
      const { stats } = outcome.answer.result;
      return `${rowCount(outcome.answer.result)} in ${stats.durationMs.toLocaleString('en')} ms.`;
    }
    case 'cancelled':
      return 'Query cancelled.';
    case 'error':
      return 'The query failed.';
  }
}

function exportText(exported: ExportOutcome): string {
  switch (exported.kind) {
    case 'exported':
      return `Exported ${exported.fileName}${exported.truncated ? ' (cut short by a server limit)' : ''}.`;
    case 'cancelled':
      return `${FORMAT_NAMES[exported.format]} export cancelled.`;
    case 'error':
      return `The ${FORMAT_NAMES[exported.format]} export failed.`;
  }
}

export function QueryError({ error, what }: { readonly error: unknown; readonly what: string }) {
  return (
    <div role="alert" className="query-error">
      <strong>{what}</strong>{' '}
      {error instanceof ApiError ? (
        <>
          {error.code && <code className="error-code">{error.code}</code>} {error.message}
        </>
      ) : (
        'The server could not be reached, or the connection broke. Is it running?'
      )}
    </div>
  );
}

export function RunResult({ outcome }: { readonly outcome: RunOutcome }) {
  if (outcome.kind === 'cancelled') return null;
  if (outcome.kind === 'error') return <QueryError error={outcome.error} what="The query was refused or failed:" />;
  const { result, products } = outcome.answer;
  const { stats } = result;
  return (
    <section aria-label="Result" className="query-result">
      {/* Rows and time are in the status line above. */}
      <p className="muted result-facts">
        {result.columns.length} column{result.columns.length === 1 ? '' : 's'} · row limit{' '}
        {outcome.maxRows.toLocaleString('en')}
        {products.length > 0 && <> · read {products.join(', ')}</>}
      </p>
      {stats.truncated && (
        <p className="notice">
          {stats.rows >= outcome.maxRows
            ? `Truncated: the result has more rows than your row limit of ${outcome.maxRows.toLocaleString('en')}.`
            : "Truncated: the result passed one of the server's limits on rows or bytes."}{' '}
          Raise the limit, add a filter or an aggregate, or export the whole result.
        </p>
      )}
      {result.error && (
        <div role="alert" className="query-error">
          <strong>The query failed while its rows were sent; the rows below are incomplete.</strong>{' '}
          <code className="error-code">{result.error.code}</code> {result.error.message}
        </div>
      )}
      {result.columns.length > 0 && <ResultGrid result={result} />}
    </section>
  );
}
