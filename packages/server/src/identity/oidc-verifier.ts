/**
 * Verifies identity tokens (JWTs) of the configured OIDC issuer with jose: the signature by a key
 * of the issuer's key set, only asymmetric algorithms (so a token "signed" with HS256 and the
 * public key as the secret is refused, and `alg: none` never passes), `iss` and `aud` exactly,
 * `exp` required, `exp`/`nbf` with 30 s of clock tolerance.
 */
import { UnauthenticatedError, isMeshworkError, type IdentitySettings, type MeshModel } from '@meshwork/core';
import { errors, jwtVerify, type JWSAlgorithm } from 'jose';
import { createKeySource } from './jwks-source.js';
import { oidcPrincipal } from './oidc-principal.js';
import type { Principal } from './principal.js';

export const OIDC_ALGORITHMS: readonly JWSAlgorithm[] = ['RS256', 'ES256', 'EdDSA'];
const CLOCK_TOLERANCE_SECONDS = 30;

export interface OidcVerifier {
  verify(jwt: string): Promise<Principal>;
}

export interface OidcVerifierOptions {
  readonly settings: NonNullable<IdentitySettings['oidc']>;
  readonly model: MeshModel;
  /** The workspace: a relative `jwksFile` is resolved against it. */
  readonly root: string;
  readonly now?: () => Date;
}

export function createOidcVerifier({ settings, model, root, now }: OidcVerifierOptions): OidcVerifier {
  const keys = createKeySource(settings, root);
  return {
    async verify(jwt) {
      try {
        const { payload } = await jwtVerify(jwt, keys, {
          algorithms: [...OIDC_ALGORITHMS],
          issuer: settings.issuer,
          audience: settings.audience,
          requiredClaims: ['exp'],
          clockTolerance: CLOCK_TOLERANCE_SECONDS,
          ...(now ? { currentDate: now() } : {}),
        });
        return oidcPrincipal(model, settings, payload);
      } catch (error) {
        throw explain(error);
      }
    },
  };
}

/** jose's failures as 401s with a reason a user can act on; the token itself is never echoed. */
function explain(error: unknown): unknown {
  if (isMeshworkError(error)) return error;
  const invalid = (reason: string) => new UnauthenticatedError('MW5208', `the identity token is not valid: ${reason}.`);
  if (error instanceof errors.JWTExpired) {
    return new UnauthenticatedError('MW5209', 'the identity token has expired.');
  }
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'nbf') return new UnauthenticatedError('MW5209', 'the identity token is not valid yet.');
    const how =
      error.reason === 'missing' ? 'is missing' : error.reason === 'check_failed' ? 'does not match' : 'is invalid';
    return invalid(`its "${error.claim}" claim ${how}`);
  }
  if (error instanceof errors.JOSEAlgNotAllowed) {
    return invalid(`its signing algorithm is not accepted (only ${OIDC_ALGORITHMS.join(', ')})`);
  }
  if (error instanceof errors.JWKSNoMatchingKey) return invalid("no key of the issuer's key set matches it");
  if (error instanceof errors.JWKSMultipleMatchingKeys) return invalid('several keys match it; it needs a "kid"');
  if (error instanceof errors.JWSSignatureVerificationFailed) return invalid('its signature does not verify');
  if (error instanceof errors.JOSEError) return invalid('it is malformed or uses an unsupported key');
  return error;
}
