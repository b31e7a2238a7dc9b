/**
 * "The value is one of these" for `missingValues` and `validValues` lists, with every value
 * from the contract bound as a parameter. Values compare in the column's own terms where the
 * types agree (numbers with numbers, text with text) and as text otherwise, so `'N/A'` on an
 * INTEGER column simply never matches instead of failing the scan with a conversion error.
 */
import type { DuckDBValue } from '@duckdb/node-api';
import { isNumericType } from './logical-type-compatibility.js';
import { numberLiteral } from './option-predicates.js';
import type { StagedColumn } from './staged-columns.js';

/** SQL that is true when the column's value is in `values`; NULL entries are ignored. */
export function inListSql(
  column: StagedColumn,
  values: readonly unknown[],
  bind: (value: DuckDBValue) => string,
): string {
  const type = column.type;
  const isText = type?.kind === 'scalar' && type.name === 'VARCHAR';
  const isNumber = type !== undefined && isNumericType(type);
  const isBoolean = type?.kind === 'scalar' && type.name === 'BOOLEAN';
  const native: string[] = [];
  const asText: string[] = [];
  for (const value of values) {
    if (value === null || value === undefined) continue;
    if (typeof value === 'string') (isText ? native : asText).push(bind(value));
    else if (typeof value === 'number' && isNumber) native.push(numberLiteral(value));
    else if (typeof value === 'boolean' && isBoolean) native.push(value ? 'true' : 'false');
    else if (typeof value === 'number' || typeof value === 'boolean') asText.push(bind(String(value)));
    else
      throw new Error(`cannot compare ${column.name} with ${JSON.stringify(value)}: use strings, numbers or booleans`);
  }
  const parts = [
    ...(native.length > 0 ? [`${column.sql} IN (${native.join(', ')})`] : []),
    ...(asText.length > 0 ? [`CAST(${column.sql} AS VARCHAR) IN (${asText.join(', ')})`] : []),
  ];
  return parts.length > 0 ? `(${parts.join(' OR ')})` : 'false';
}
