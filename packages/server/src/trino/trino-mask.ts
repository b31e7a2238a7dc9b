/**
 * Meshwork's masks (gateway/mask-sql.ts) as Trino SQL expressions that give the same value for the
 * same input, so that a column masked in Trino equals the one the gateway returns and tokens join
 * across the two engines:
 *
 * - hash: lowercase hex of HMAC-SHA256(key, UTF-8 bytes of the text) — the gateway spells the same
 *   HMAC out with sha256 and the padded key; Trino has `hmac_sha256` (its `to_hex` is upper case).
 * - tokenize: `tok_` and the first 20 hex digits of that HMAC.
 * - partial: the gateway's three cases with `substr` instead of `left`/`right` (Trino has neither);
 *   both engines count code points, not bytes.
 * - redact, null: `****` or a NULL of the column's own type.
 *
 * Trino keeps a column's type under a mask, while the gateway turns hashed and tokenised non-text
 * columns (and redacted or partial UUIDs) into VARCHAR. Those have no exact equivalent: the caller
 * withholds the table (fail closed) instead of exporting something weaker or different.
 */
import type { MaskStrategy } from '../access/access-types.js';
import { trinoIdentifier, trinoString } from './trino-names.js';
import { familyOf, type TrinoType } from './trino-types.js';

export type TrinoMask = { readonly sql: string } | { readonly refused: string };

/**
 * The gateway's notion of text (mask-sql.ts): these DuckDB types are redacted to `****` and kept
 * partly by `partial`; every other type becomes NULL under those two masks. Checked against the
 * gateway's own SQL by trino-mask.test.ts.
 */
const GATEWAY_TEXT = /^(VARCHAR|TEXT|STRING|CHAR|BPCHAR|UUID|JSON)\b/i;

/**
 * @param duckdbType the column's type in the snapshot, which decides what the gateway returns
 * @param type the column's Trino type, which the mask must keep
 */
export function trinoMaskExpression(
  strategy: MaskStrategy,
  columnName: string,
  duckdbType: string,
  type: TrinoType | undefined,
  maskingKey: Uint8Array,
): TrinoMask {
  if (type === undefined) return { refused: 'its type has no Trino equivalent' };
  const column = trinoIdentifier(columnName);
  const typedNull: TrinoMask = { sql: `CAST(NULL AS ${type})` };
  const gatewayText = GATEWAY_TEXT.test(duckdbType.trim());
  // The gateway returns text for these; Trino keeps the column's type, so it must already be text.
  const asText = (sql: string): TrinoMask =>
    familyOf(type) === 'text'
      ? { sql }
      : { refused: `Meshwork's ${strategy} mask makes this ${type} column text, which Trino cannot` };
  const whenNotNull = (expression: string) => `CASE WHEN ${column} IS NULL THEN NULL ELSE ${expression} END`;
  switch (strategy) {
    case 'null':
      return typedNull;
    case 'redact':
      return gatewayText ? asText(whenNotNull(`'****'`)) : typedNull;
    case 'partial':
      return gatewayText ? asText(partial(column)) : typedNull;
    case 'hash':
      return asText(whenNotNull(keyedHash(column, maskingKey)));
    case 'tokenize':
      return asText(whenNotNull(`'tok_' || substr(${keyedHash(column, maskingKey)}, 1, 20)`));
  }
}

/** Lowercase hex HMAC-SHA256 of the column's UTF-8 bytes with the mesh's masking key. */
function keyedHash(column: string, key: Uint8Array): string {
  const hex = Buffer.from(key).toString('hex');
  return `lower(to_hex(hmac_sha256(to_utf8(${column}), from_hex(${trinoString(hex)}))))`;
}

function partial(column: string): string {
  const at = `strpos(${column}, '@')`;
  return (
    `CASE WHEN ${column} IS NULL THEN NULL ` +
    `WHEN ${at} > 1 THEN substr(${column}, 1, 1) || '***' || substr(${column}, ${at}) ` +
    `WHEN length(${column}) > 8 THEN '***' || substr(${column}, length(${column}) - 3) ` +
    `ELSE '***' END`
  );
}
