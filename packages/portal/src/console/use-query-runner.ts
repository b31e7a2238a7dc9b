/**
 * Runs the console's queries and exports, one at a time, each under an AbortController: Cancel
 * aborts the request and the server cancels the query when the connection drops. Leaving the page
 * cancels too. Not a TanStack mutation: the console needs the abort signal and the response
 * headers (deprecation), and a result belongs to this page only, not to a shared cache.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/api-client.js';
import { useSession } from '../session/session-context.js';
import type { QueryResult, ResultFormat } from './console-api.js';
import type { DeprecationNotice } from './deprecation-notice.js';
import { downloadBlob } from './download-blob.js';
import { exportFileName } from './export-file-name.js';
import type { HistoryEntry } from './query-history.js';
import { fetchQueryFile, runJsonQuery, type JsonAnswer, type QueryTransport } from './query-fetch.js';

export type FileFormat = Exclude<ResultFormat, 'json'>;

/** What is under way: a query for the grid, or an export. */
export type Activity = { readonly kind: 'query' } | { readonly kind: 'export'; readonly format: FileFormat };

export type RunOutcome =
  | { readonly kind: 'result'; readonly maxRows: number; readonly answer: JsonAnswer }
  | { readonly kind: 'error'; readonly error: unknown }
  | { readonly kind: 'cancelled' };

export type ExportOutcome =
  | { readonly kind: 'exported'; readonly fileName: string; readonly truncated: boolean | null }
  | { readonly kind: 'error'; readonly format: FileFormat; readonly error: unknown }
  | { readonly kind: 'cancelled'; readonly format: FileFormat };

export interface QueryRunner {
  readonly activity: Activity | null;
  /** The last query's outcome, shown as the result grid, an error or "cancelled". */
  readonly outcome: RunOutcome | null;
  readonly exported: ExportOutcome | null;
  /** From the last answer, query or export: the query read a deprecated port version. */
  readonly deprecation: DeprecationNotice | null;
  run(sql: string, maxRows: number): Promise<void>;
  exportAs(sql: string, format: FileFormat): Promise<void>;
  cancel(): void;
}

const ENDED_MESSAGE = 'Your token is no longer valid (expired or revoked). Sign in again.';

/** `onRan` is told of every query run (not of exports), for the history. */
export function useQueryRunner(onRan: (entry: HistoryEntry) => void): QueryRunner {
  const { session, signOut } = useSession();
  const token = session?.token ?? null;
  const [activity, setActivity] = useState<Activity | null>(null);
  const [outcome, setOutcome] = useState<RunOutcome | null>(null);
  const [exported, setExported] = useState<ExportOutcome | null>(null);
  const [deprecation, setDeprecation] = useState<DeprecationNotice | null>(null);
  const current = useRef<AbortController | null>(null);

  // Leaving the page drops the request, and with it the query on the server.
  useEffect(() => () => current.current?.abort(), []);

  /** Starts an operation: the previous one (there is none while the buttons are disabled) is aborted. */
  const begin = useCallback(
    (next: Activity): { controller: AbortController; transport: QueryTransport } => {
      if (token === null) throw new Error('the console needs a signed-in session');
      current.current?.abort();
      const controller = new AbortController();
      current.current = controller;
      setActivity(next);
      setDeprecation(null);
      return { controller, transport: { token, onUnauthorized: () => signOut(ENDED_MESSAGE) } };
    },
    [token, signOut],
  );

  const end = useCallback((controller: AbortController) => {
    if (current.current !== controller) return;
    current.current = null;
    setActivity(null);
  }, []);

  const run = useCallback(
    async (sql: string, maxRows: number) => {
      const { controller, transport } = begin({ kind: 'query' });
      setExported(null);
      const ranAt = new Date();
      let summary: string;
      try {
        const answer = await runJsonQuery(transport, { sql, format: 'json', maxRows }, controller.signal);
        setOutcome({ kind: 'result', maxRows, answer });
        setDeprecation(answer.deprecation);
        summary = answer.result.error ? answer.result.error.code : rowCount(answer.result);
      } catch (error) {
        const cancelled = controller.signal.aborted;
        setOutcome(cancelled ? { kind: 'cancelled' } : { kind: 'error', error });
        summary = cancelled ? 'cancelled' : codeOf(error);
      } finally {
        end(controller);
      }
      onRan({ sql, ranAt: ranAt.toISOString(), outcome: summary });
    },
    [begin, end, onRan],
  );

  const exportAs = useCallback(
    async (sql: string, format: FileFormat) => {
      const { controller, transport } = begin({ kind: 'export', format });
      const ranAt = new Date();
      try {
        // No row limit of the grid: an export is the whole result, within the server's limits.
        const answer = await fetchQueryFile(transport, { sql, format }, controller.signal);
        const fileName = exportFileName(ranAt, format);
        downloadBlob(answer.file, fileName);
        setExported({ kind: 'exported', fileName, truncated: answer.truncated });
        setDeprecation(answer.deprecation);
      } catch (error) {
        setExported(controller.signal.aborted ? { kind: 'cancelled', format } : { kind: 'error', format, error });
      } finally {
        end(controller);
      }
    },
    [begin, end],
  );

  const cancel = useCallback(() => current.current?.abort(), []);

  return { activity, outcome, exported, deprecation, run, exportAs, cancel };
}

export function rowCount(result: QueryResult): string {
  return `${result.stats.rows.toLocaleString('en')} row${result.stats.rows === 1 ? '' : 's'}`;
}

function codeOf(error: unknown): string {
  return error instanceof ApiError && error.code !== null ? error.code : 'error';
}
