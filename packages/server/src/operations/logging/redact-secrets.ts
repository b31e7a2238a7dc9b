/**
 * What must never reach a log line, removed from whatever is about to be logged: values under
 * keys that name a secret (authorization, password, token, secret, masking key, cookie…),
 * Meshwork API tokens, bearer credentials and JWTs anywhere in text, secret-looking query
 * parameters of URLs, and passwords in connection URLs. Logging is the last line of defence:
 * code should not log secrets in the first place, but a bug here costs a leaked credential.
 */

export const REDACTED = '[redacted]';

/** Keys whose values are secrets, whatever they hold. `tokenId` and friends are not secrets but cost nothing to hide. */
const SECRET_KEY = /authorization|password|passw|pwd|secret|token|api[-_]?key|masking[-_]?key|cookie|credential/i;

/** Query parameter names whose values are secrets (`?token=…`, `access_token`, `api_key`, `sig`…). */
const SECRET_PARAMETER = /token|password|passwd|pwd|secret|key|auth|sig|credential/i;

const TEXT_PATTERNS: readonly (readonly [RegExp, string])[] = [
  // Meshwork API tokens: the id part is not secret, the rest is.
  [/mwt_([a-z2-7]{16})_[A-Za-z0-9_-]+/g, `mwt_$1_${REDACTED}`],
  // `Bearer <credential>` in a header value or an error message.
  [/\b(bearer)\s+[^\s"',;]+/gi, `$1 ${REDACTED}`],
  // A JWT: three base64url parts, the first two starting with `{"` encoded.
  [/\beyJ[A-Za-z0-9_-]{4,}\.eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g, REDACTED],
  // user:password@ in URLs (postgres://, https://).
  [/(\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@]*:)[^\s@/]+@/gi, `$1${REDACTED}@`],
];

/** `text` with tokens, bearer credentials, JWTs and URL passwords replaced. */
export function redactText(text: string): string {
  let result = text;
  for (const [pattern, replacement] of TEXT_PATTERNS) result = result.replace(pattern, replacement);
  return redactQueryParameters(result);
}

/** A URL or path with the values of secret-looking query parameters replaced (`/x?token=[redacted]&a=1`). */
export function redactQueryParameters(text: string): string {
  return text.replace(/([?&;])([^=&#\s]+)=([^&#\s]*)/g, (whole, separator: string, name: string) =>
    SECRET_PARAMETER.test(safeDecode(name)) ? `${separator}${name}=${REDACTED}` : whole,
  );
}

/** Whether a field of that name holds a secret. */
export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key);
}

/**
 * A copy of a value about to be logged, with secrets removed (keys and text). Plain objects,
 * arrays and errors are walked to a bounded depth; other objects are kept as they are (a
 * stream, a socket), since the logger only prints their own enumerable fields, if any.
 */
export function redactValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactText(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth > 8) return '[too deep]';
  if (value instanceof Error) {
    const error = value as Error & { code?: unknown };
    return {
      type: error.name,
      message: redactText(error.message),
      ...(typeof error.code === 'string' ? { code: error.code } : {}),
      ...(error.stack ? { stack: redactText(error.stack) } : {}),
    };
  }
  if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1));
  const prototype = Object.getPrototypeOf(value) as unknown;
  if (prototype !== Object.prototype && prototype !== null) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    copy[key] = isSecretKey(key) && item !== undefined && item !== null ? REDACTED : redactValue(item, depth + 1);
  }
  return copy;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
