/** Options `mesh query` and `mesh sql` share, and their parsing. */
import { InvalidArgumentError } from 'commander';

/** Rows a table shows unless --max-rows says otherwise: a terminal is not a file. */
export const TABLE_MAX_ROWS = 1000;

export function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 1) throw new InvalidArgumentError('expected a positive integer');
  return n;
}

export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
