/** Quoting for the SQL the runtime writes itself: the quality context's rules, plus lists. */
import { quoteLiteral } from '../quality/sql-quoting.js';

export { quoteIdentifier, quoteLiteral } from '../quality/sql-quoting.js';

/** A list of string literals: `['a', 'b']`. */
export function quoteLiteralList(values: readonly string[]): string {
  return `[${values.map(quoteLiteral).join(', ')}]`;
}
