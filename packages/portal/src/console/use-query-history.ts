/** The signed-in viewer's query history as React state, saved to localStorage on every change. */
import { useCallback, useEffect, useState } from 'react';
import { addToHistory, loadHistory, saveHistory, type HistoryEntry } from './query-history.js';

export interface QueryHistory {
  readonly entries: readonly HistoryEntry[];
  add(entry: HistoryEntry): void;
  clear(): void;
}

export function useQueryHistory(userId: string): QueryHistory {
  const [entries, setEntries] = useState(() => loadHistory(localStorage, userId));
  useEffect(() => saveHistory(localStorage, userId, entries), [userId, entries]);
  const add = useCallback((entry: HistoryEntry) => setEntries((old) => addToHistory(old, entry)), []);
  const clear = useCallback(() => setEntries([]), []);
  return { entries, add, clear };
}
