/**
 * Where the OIDC issuer's public keys come from: a JWKS file in the workspace (read once, when
 * the server starts) or the issuer's JWKS URL (fetched and cached by jose, refetched when a token
 * names a key id it has not seen, at most every 30 s). Misconfiguration fails at startup
 * (MW5211); an unreachable key set fails the request with 503 (MW5210), not 401, because the
 * token may well be valid.
 */
import { readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { InputError, UnavailableError, isMeshworkError, type IdentitySettings } from '@meshwork/core';
import { createLocalJWKSet, createRemoteJWKSet, errors, type JSONWebKeySet, type JWTVerifyGetKey } from 'jose';

type OidcSettings = NonNullable<IdentitySettings['oidc']>;

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

export function createKeySource(settings: OidcSettings, root: string): JWTVerifyGetKey {
  const { jwksFile, jwksUrl } = settings;
  if ((jwksFile === undefined) === (jwksUrl === undefined)) {
    throw new InputError('MW5211', 'mesh.yaml identity.oidc: set exactly one of jwksFile and jwksUrl.');
  }
  return jwksFile !== undefined ? localKeys(jwksFile, root) : remoteKeys(jwksUrl!);
}

function localKeys(file: string, root: string): JWTVerifyGetKey {
  const path = isAbsolute(file) ? file : resolve(root, file);
  let jwks: unknown;
  try {
    jwks = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    const reason = error instanceof SyntaxError ? 'is not JSON' : 'cannot be read';
    throw new InputError('MW5211', `mesh.yaml identity.oidc.jwksFile: ${path} ${reason}.`);
  }
  try {
    return createLocalJWKSet(jwks as JSONWebKeySet);
  } catch {
    throw new InputError(
      'MW5211',
      `mesh.yaml identity.oidc.jwksFile: ${path} is not a JSON Web Key Set ({"keys": [...]}).`,
    );
  }
}

function remoteKeys(text: string): JWTVerifyGetKey {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new InputError('MW5211', `mesh.yaml identity.oidc.jwksUrl ${JSON.stringify(text)} is not a URL.`);
  }
  // Keys fetched over plain HTTP could be swapped by anyone on the path; only loopback is exempt.
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname))) {
    throw new InputError('MW5211', 'mesh.yaml identity.oidc.jwksUrl must be an https URL (http only on localhost).');
  }
  const where = `${url.origin}${url.pathname}`;
  const keys = createRemoteJWKSet(url, { timeoutDuration: 5_000 });
  return async (header, token) => {
    try {
      return await keys(header, token);
    } catch (error) {
      // A key set that answered but holds no matching key is the token's fault (401).
      if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) throw error;
      if (isMeshworkError(error)) throw error;
      throw new UnavailableError('MW5210', `the identity provider's key set at ${where} could not be fetched.`);
    }
  };
}
