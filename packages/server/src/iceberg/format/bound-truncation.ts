/**
 * Iceberg's default metrics mode, `truncate(16)`: string bounds keep at most 16 Unicode code
 * points and binary bounds 16 bytes, so a manifest does not carry whole documents. A truncated
 * lower bound is a prefix of the minimum, which is never greater than it. A truncated upper bound
 * is the prefix with its last code point (byte) incremented, so it stays above the maximum; when
 * nothing can be incremented (every code point U+10FFFF, every byte 0xFF) there is no upper bound.
 *
 * Truncation counts code points, not bytes or UTF-16 units: a bound never ends inside a character.
 */

/** Iceberg's default truncation length for string and binary bounds. */
export const BOUND_TRUNCATE_LENGTH = 16;

const MAX_CODE_POINT = 0x10ffff;
const SURROGATES_START = 0xd800;
const SURROGATES_END = 0xdfff;

export function truncateStringLower(value: string, length = BOUND_TRUNCATE_LENGTH): string {
  const codePoints = Array.from(value);
  return codePoints.length <= length ? value : codePoints.slice(0, length).join('');
}

/** An upper bound of `value` at most `length` code points long; undefined when there is none. */
export function truncateStringUpper(value: string, length = BOUND_TRUNCATE_LENGTH): string | undefined {
  const codePoints = Array.from(value);
  if (codePoints.length <= length) return value;
  const kept = codePoints.slice(0, length).map((char) => char.codePointAt(0)!);
  while (kept.length > 0) {
    const next = nextCodePoint(kept.pop()!);
    if (next !== undefined) return String.fromCodePoint(...kept, next);
  }
  return undefined;
}

export function truncateBinaryLower(value: Uint8Array, length = BOUND_TRUNCATE_LENGTH): Uint8Array {
  return value.length <= length ? value : value.subarray(0, length);
}

/** An upper bound of `value` at most `length` bytes long; undefined when there is none. */
export function truncateBinaryUpper(value: Uint8Array, length = BOUND_TRUNCATE_LENGTH): Uint8Array | undefined {
  if (value.length <= length) return value;
  const kept = Uint8Array.from(value.subarray(0, length));
  for (let end = kept.length - 1; end >= 0; end -= 1) {
    if (kept[end]! < 0xff) {
      kept[end] = kept[end]! + 1;
      return kept.subarray(0, end + 1);
    }
  }
  return undefined;
}

/** The next code point a string can hold (surrogates are not characters), if any. */
function nextCodePoint(codePoint: number): number | undefined {
  if (codePoint >= MAX_CODE_POINT) return undefined;
  const next = codePoint + 1;
  return next >= SURROGATES_START && next <= SURROGATES_END ? SURROGATES_END + 1 : next;
}
