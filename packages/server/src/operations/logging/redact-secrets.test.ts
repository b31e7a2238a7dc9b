import { describe, expect, it } from 'vitest';
import { generateToken } from '../../identity/token-format.js';
import { REDACTED, redactQueryParameters, redactText, redactValue } from './redact-secrets.js';

const token = generateToken();
const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbmEifQ.c2lnbmF0dXJl';

describe('redaction of log values', () => {
  it('removes Meshwork tokens, bearer credentials and JWTs from text, keeping the token id', () => {
    const text = redactText(`failed for ${token.token}; header Bearer ${jwt}; raw ${jwt}`);
    expect(text).toBe(`failed for mwt_${token.id}_${REDACTED}; header Bearer ${REDACTED}; raw ${REDACTED}`);
  });

  it('removes passwords from connection URLs', () => {
    expect(redactText('cannot reach postgres://meshwork:s3cr3t@db:5432/mesh')).toBe(
      `cannot reach postgres://meshwork:${REDACTED}@db:5432/mesh`,
    );
  });

  it('redacts secret-looking query parameters by name and keeps the others', () => {
    expect(redactQueryParameters('/x?limit=5&access_token=abc&Password=p&sig=1&after=b')).toBe(
      `/x?limit=5&access_token=${REDACTED}&Password=${REDACTED}&sig=${REDACTED}&after=b`,
    );
    expect(redactQueryParameters('/x?limit=5')).toBe('/x?limit=5');
  });

  it('redacts values under secret keys at any depth, and walks errors', () => {
    const error = Object.assign(new Error(`bad token ${token.token}`), { code: 'MW5203' });
    expect(
      redactValue({
        headers: { authorization: `Bearer ${token.token}`, accept: 'text/csv' },
        webhook: { secret: 'whsec', url: 'https://hooks.example/x?token=t' },
        maskingKey: new Uint8Array([1, 2]),
        nested: [{ password: 'p', user: 'ana' }],
        err: error,
      }),
    ).toEqual({
      headers: { authorization: REDACTED, accept: 'text/csv' },
      webhook: { secret: REDACTED, url: `https://hooks.example/x?token=${REDACTED}` },
      maskingKey: REDACTED,
      nested: [{ password: REDACTED, user: 'ana' }],
      err: expect.objectContaining({ type: 'Error', code: 'MW5203', message: `bad token mwt_${token.id}_${REDACTED}` }),
    });
  });
});
