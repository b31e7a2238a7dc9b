/** The names of exported files. */
import { describe, expect, it } from 'vitest';
import { exportFileName } from './export-file-name.js';

describe('exportFileName', () => {
  it('names the file after the local time of the query, with the format as extension', () => {
    expect(exportFileName(new Date(2026, 2, 5, 14, 30, 7), 'csv')).toBe('query-2026-03-05-143007.csv');
    expect(exportFileName(new Date(2026, 11, 31, 9, 5, 0), 'parquet')).toBe('query-2026-12-31-090500.parquet');
  });
});
