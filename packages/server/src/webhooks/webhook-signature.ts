/**
 * The `X-Meshwork-Signature` header: `sha256=<hex HMAC-SHA256 of the raw body>` with the
 * subscription's secret. Receivers recompute it over the bytes they received (before any JSON
 * parsing) and compare in constant time, which `verifyWebhookSignature` does.
 *
 * @example
 * // In a receiver:
 * if (!verifyWebhookSignature(process.env.WEBHOOK_SECRET, rawBody, req.headers['x-meshwork-signature'])) reject();
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

const PREFIX = 'sha256=';

export function signWebhookBody(secret: string, body: string | Uint8Array): string {
  return PREFIX + createHmac('sha256', secret).update(body).digest('hex');
}

export function verifyWebhookSignature(
  secret: string,
  body: string | Uint8Array,
  header: string | readonly string[] | undefined,
): boolean {
  if (typeof header !== 'string' || !header.startsWith(PREFIX)) return false;
  const expected = Buffer.from(signWebhookBody(secret, body), 'utf8');
  const given = Buffer.from(header, 'utf8');
  return expected.length === given.length && timingSafeEqual(expected, given);
}
