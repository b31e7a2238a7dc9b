/** The console's history: newest first, no repeats, at most 50, one list per user. */
import { describe, expect, it } from 'vitest';
import {
  addToHistory,
  HISTORY_LIMIT,
  historyKey,
  loadHistory,
  saveHistory,
  type HistoryEntry,
  type HistoryStorage,
} from './query-history.js';

const entry = (sql: string, outcome = '1 row'): HistoryEntry => ({ sql, ranAt: '2026-01-01T00:00:00.000Z', outcome });

/** localStorage's contract over a Map (vitest runs in Node, which has no localStorage). */
function memoryStorage(): HistoryStorage & { readonly items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, String(value)),
    removeItem: (key) => void items.delete(key),
  };
}

describe('addToHistory', () => {
  it('puts the newest run first and moves a repeated query up instead of listing it twice', () => {
    let history = addToHistory([], entry('SELECT 1'));
    history = addToHistory(history, entry('SELECT 2'));
    history = addToHistory(history, entry('SELECT 1', 'MW5009'));
    expect(history).toEqual([entry('SELECT 1', 'MW5009'), entry('SELECT 2')]);
  });

  it(`keeps the last ${HISTORY_LIMIT} queries`, () => {
    let history: HistoryEntry[] = [];
    for (let i = 1; i <= HISTORY_LIMIT + 5; i++) history = addToHistory(history, entry(`SELECT ${i}`));
    expect(history).toHaveLength(HISTORY_LIMIT);
    expect(history[0]?.sql).toBe(`SELECT ${HISTORY_LIMIT + 5}`);
    expect(history.at(-1)?.sql).toBe('SELECT 6');
  });
});

describe('loadHistory and saveHistory', () => {
  it('keep one list per user id', () => {
    const storage = memoryStorage();
    saveHistory(storage, 'ana', [entry('SELECT 1')]);
    saveHistory(storage, 'ben', [entry('SELECT 2')]);
    expect(loadHistory(storage, 'ana')).toEqual([entry('SELECT 1')]);
    expect(loadHistory(storage, 'ben')).toEqual([entry('SELECT 2')]);
    expect(loadHistory(storage, 'gus')).toEqual([]);
  });

  it('remove the key when the history is cleared', () => {
    const storage = memoryStorage();
    saveHistory(storage, 'ana', [entry('SELECT 1')]);
    saveHistory(storage, 'ana', []);
    expect(storage.items.has(historyKey('ana'))).toBe(false);
  });

  it('drop what they cannot read: broken JSON, another shape, entries missing a field', () => {
    const storage = memoryStorage();
    storage.setItem(historyKey('ana'), '{not json');
    expect(loadHistory(storage, 'ana')).toEqual([]);
    storage.setItem(historyKey('ana'), JSON.stringify({ sql: 'SELECT 1' }));
    expect(loadHistory(storage, 'ana')).toEqual([]);
    storage.setItem(historyKey('ana'), JSON.stringify([entry('SELECT 1'), { sql: 'SELECT 2' }, null, 3]));
    expect(loadHistory(storage, 'ana')).toEqual([entry('SELECT 1')]);
  });

  it('lose only the history when the storage refuses to write', () => {
    const full: HistoryStorage = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('quota', 'QuotaExceededError');
      },
      removeItem: () => undefined,
    };
    expect(() => saveHistory(full, 'ana', [entry('SELECT 1')])).not.toThrow();
  });
});
