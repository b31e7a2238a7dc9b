/**
 * Exact 64-bit integers in JSON. `JSON.parse` turns 9223372036854775807 into 9223372036854776000,
 * and Node 20 has no reviver access to the source text, so the values of a few named top-level
 * keys are rewritten on the text itself: bare numbers become strings before parsing, and decimal
 * strings become bare numbers after stringifying. Nested keys of the same name (inside an opaque
 * `audit` object, say) are left alone — a small scanner, not a regex, keeps track of that.
 */

/** Parses JSON whose top level is an object, keeping the integer values of `keys` as decimal strings. */
export function parseJsonWithIntegerKeys(text: string, keys: ReadonlySet<string>): unknown {
  return JSON.parse(rewriteTopLevelValues(text, keys, (token) => (/^-?\d/.test(token) ? `"${token}"` : token)));
}

/** Stringifies `value` (2-space indent) writing the decimal-string values of top-level `keys` as bare numbers. */
export function stringifyWithIntegerKeys(value: object, keys: ReadonlySet<string>): string {
  return rewriteTopLevelValues(JSON.stringify(value, null, 2), keys, (token) =>
    /^"-?\d+"$/.test(token) ? token.slice(1, -1) : token,
  );
}

function rewriteTopLevelValues(text: string, keys: ReadonlySet<string>, rewrite: (token: string) => string): string {
  let out = '';
  let copied = 0;
  let depth = 0;
  let previous = '';
  for (let i = 0; i < text.length;) {
    const c = text[i]!;
    if (c === '"') {
      const end = endOfString(text, i);
      const isKey = depth === 1 && (previous === '{' || previous === ',');
      if (isKey && keys.has(JSON.parse(text.slice(i, end)) as string)) {
        const colon = skipSpace(text, end);
        if (text[colon] !== ':') return text; // not JSON; let JSON.parse report it
        const start = skipSpace(text, colon + 1);
        const stop = endOfScalar(text, start);
        out += text.slice(copied, start) + rewrite(text.slice(start, stop));
        copied = stop;
        previous = 'value';
        i = stop;
        continue;
      }
      previous = 'string';
      i = end;
      continue;
    }
    if (c === '{' || c === '[') depth += 1;
    else if (c === '}' || c === ']') depth -= 1;
    if (!/\s/.test(c)) previous = c;
    i += 1;
  }
  return out + text.slice(copied);
}

/** Index just after the string literal that starts at `start`. */
function endOfString(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
  return i + 1;
}

/** Index just after a string, number or literal starting at `start` (objects and arrays: zero length). */
function endOfScalar(text: string, start: number): number {
  if (text[start] === '"') return endOfString(text, start);
  let i = start;
  while (i < text.length && /[-+0-9.eEa-z]/.test(text[i]!)) i += 1;
  return i;
}

function skipSpace(text: string, from: number): number {
  let i = from;
  while (i < text.length && /\s/.test(text[i]!)) i += 1;
  return i;
}
