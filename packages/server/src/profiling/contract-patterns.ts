/**
 * The patterns a contract promises for its string columns (`logicalTypeOptions.pattern`), keyed
 * by the column in the data (`physicalName`, else `name`), as `profileColumns` takes them.
 */
import { readTableSpec } from '../quality/contract-table-spec.js';

export function contractPatterns(schemaObject: object): ReadonlyMap<string, string> {
  const patterns = new Map<string, string>();
  for (const column of readTableSpec(schemaObject).columns) {
    const pattern = column.options.pattern;
    if (column.logicalType?.toLowerCase() === 'string' && typeof pattern === 'string' && pattern !== '') {
      patterns.set(column.column, pattern);
    }
  }
  return patterns;
}
