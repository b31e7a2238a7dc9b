/**
 * The API token format: `mwt_<id>_<secret>`. The prefix makes a leaked token easy to recognise
 * (secret scanners, logs); the id (16 lowercase base32 characters, 80 random bits) names the
 * token in lists and audit events and is not secret; the secret is 32 random bytes, base64url.
 */
import { randomBytes } from 'node:crypto';

export const TOKEN_PREFIX = 'mwt_';
const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';
const TOKEN_PATTERN = /^mwt_([a-z2-7]{16})_([A-Za-z0-9_-]{43})$/;
const TOKEN_ID_PATTERN = /^[a-z2-7]{16}$/;

export interface ParsedToken {
  readonly id: string;
  readonly secret: string;
}

export interface NewToken extends ParsedToken {
  /** The whole token, to show once. */
  readonly token: string;
}

export function generateToken(): NewToken {
  const id = base32(randomBytes(10));
  const secret = randomBytes(32).toString('base64url');
  return { id, secret, token: `${TOKEN_PREFIX}${id}_${secret}` };
}

/** The id and secret of a well-formed token, or undefined. */
export function parseToken(token: string): ParsedToken | undefined {
  const match = TOKEN_PATTERN.exec(token);
  return match ? { id: match[1]!, secret: match[2]! } : undefined;
}

export function isTokenId(value: string): boolean {
  return TOKEN_ID_PATTERN.test(value);
}

/** RFC 4648 base32, lowercase, without padding: 10 bytes make exactly 16 characters. */
function base32(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}
