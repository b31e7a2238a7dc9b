/**
 * The SQL of each masking strategy. Masks are applied inside the governed relation, before any
 * expression of the user's query can see the column, so they hold in predicates, joins, grouping,
 * ordering and aggregates alike.
 *
 * - redact: text becomes `****`; other types become NULL (there is no "redacted number").
 * - null: NULL of the column's type.
 * - hash: HMAC-SHA256 of the value's text with the gateway's masking key, hex.
 * - partial: e-mails keep their first character and domain (`j***@example.com`); other text keeps
 *   its last four characters when it is long enough to hide the rest; other types become NULL.
 * - tokenize: `tok_` + the first 20 hex digits of the same HMAC — stable across products and
 *   queries, so masked identifiers still join and group, but are not reversible without the key.
 *
 * The key lives only inside the `mw_mask.keyed_hash` macro, created before the sandbox's
 * configuration is locked; the gateway refuses schema-qualified calls from user queries, and the
 * catalog functions that could print the macro body are refused too.
 */
import { createHash } from 'node:crypto';
import type { MaskStrategy } from '../access/access-types.js';

export const MASK_SCHEMA = 'mw_mask';

const TEXT_TYPES = /^(VARCHAR|TEXT|STRING|CHAR|BPCHAR|UUID|JSON)\b/i;

/** The expression replacing `column` (already quoted) of DuckDB type `typeName`. */
export function maskExpression(strategy: MaskStrategy, column: string, typeName: string): string {
  const isText = TEXT_TYPES.test(typeName.trim());
  const typedNull = `CAST(NULL AS ${isText ? 'VARCHAR' : typeName})`;
  switch (strategy) {
    case 'null':
      return `CAST(NULL AS ${typeName})`;
    case 'redact':
      return isText ? `CASE WHEN ${column} IS NULL THEN NULL ELSE '****' END` : typedNull;
    case 'hash':
      return `${MASK_SCHEMA}.keyed_hash(${column})`;
    case 'tokenize':
      return `CASE WHEN ${column} IS NULL THEN NULL ELSE 'tok_' || left(${MASK_SCHEMA}.keyed_hash(${column}), 20) END`;
    case 'partial': {
      if (!isText) return typedNull;
      const value = `CAST(${column} AS VARCHAR)`;
      return (
        `CASE WHEN ${column} IS NULL THEN NULL ` +
        `WHEN strpos(${value}, '@') > 1 THEN left(${value}, 1) || '***' || substr(${value}, strpos(${value}, '@')) ` +
        `WHEN length(${value}) > 8 THEN '***' || right(${value}, 4) ` +
        `ELSE '***' END`
      );
    }
  }
}

/** The statements that create the masking macros for `key`. Run before locking the sandbox. */
export function maskingMacros(key: Uint8Array): string[] {
  // HMAC-SHA256 (RFC 2104) spelled in SQL: keys longer than the block are hashed first.
  const block = Buffer.alloc(64, 0);
  const material = key.length > 64 ? createHash('sha256').update(key).digest() : Buffer.from(key);
  material.copy(block);
  const inner = Buffer.from(block.map((b) => b ^ 0x36)).toString('hex');
  const outer = Buffer.from(block.map((b) => b ^ 0x5c)).toString('hex');
  return [
    `CREATE SCHEMA IF NOT EXISTS ${MASK_SCHEMA}`,
    `CREATE OR REPLACE MACRO ${MASK_SCHEMA}.keyed_hash(v) AS CASE WHEN v IS NULL THEN NULL ELSE ` +
      `sha256(unhex('${outer}') || unhex(sha256(unhex('${inner}') || encode(CAST(v AS VARCHAR))))) END`,
  ];
}
