/**
 * The console's query history: a viewer's last 50 queries, newest first, in localStorage under a
 * key per user id — so it survives sign-out and the tab (unlike the token, which never leaves
 * sessionStorage), and two people sharing a browser never see each other's queries. Only the SQL
 * text and how it ended are kept, never result rows.
 */

export const HISTORY_LIMIT = 50;

export interface HistoryEntry {
  readonly sql: string;
  /** ISO 8601 time of the run. */
  readonly ranAt: string;
  /** How it ended, in words: "5 rows", "MW5016", "cancelled". */
  readonly outcome: string;
}

/** Adds a run on top; running the same text again moves it up instead of repeating it. */
export function addToHistory(history: readonly HistoryEntry[], entry: HistoryEntry): HistoryEntry[] {
  return [entry, ...history.filter((old) => old.sql !== entry.sql)].slice(0, HISTORY_LIMIT);
}

/** The part of `Storage` used, so tests can hand in a plain map. */
export type HistoryStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export const historyKey = (userId: string) => `meshwork.console-history.${userId}`;

/** What is stored for the user; anything unreadable (edited by hand, an older shape) is dropped. */
export function loadHistory(storage: HistoryStorage, userId: string): HistoryEntry[] {
  let value: unknown;
  try {
    value = JSON.parse(storage.getItem(historyKey(userId)) ?? '[]');
  } catch {
    return [];
  }
  return Array.isArray(value) ? value.filter(isEntry).slice(0, HISTORY_LIMIT) : [];
}

/** Saves the list; a full or disabled storage only loses the history, never the query. */
export function saveHistory(storage: HistoryStorage, userId: string, history: readonly HistoryEntry[]): void {
  try {
    if (history.length === 0) storage.removeItem(historyKey(userId));
    else storage.setItem(historyKey(userId), JSON.stringify(history));
  } catch {
    // QuotaExceededError or storage disabled by the browser: the history stays in memory only.
  }
}

function isEntry(value: unknown): value is HistoryEntry {
  const entry = value as Partial<HistoryEntry> | null;
  return (
    typeof entry === 'object' &&
    entry !== null &&
    typeof entry.sql === 'string' &&
    typeof entry.ranAt === 'string' &&
    typeof entry.outcome === 'string'
  );
}
