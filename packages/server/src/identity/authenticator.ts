/**
 * One entry point for every front end (HTTP bearer header, the wire protocol's password, the
 * portal): a credential in, a Principal out, or UnauthenticatedError. `mwt_…` credentials are
 * API tokens; JWT-shaped ones go to the OIDC issuer, when mesh.yaml configures one.
 *
 * @example
 * const authenticator = createAuthenticator({ store, model, root });
 * const principal = await authenticator.authenticate(password); // throws MW52xx when invalid
 */
import { UnauthenticatedError, type IdentitySettings, type MeshModel } from '@meshwork/core';
import type { MetadataStore } from '../metadata/metadata-store.js';
import { createOidcVerifier, type OidcVerifier } from './oidc-verifier.js';
import type { Principal } from './principal.js';
import { TOKEN_PREFIX } from './token-format.js';
import { createTokenService, type TokenService } from './token-service.js';

/** Three base64url segments; the third is empty for `alg: none`, which OIDC then refuses. */
const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;
/** Far above any real token or JWT; refuses megabytes of header before any parsing. */
const MAX_CREDENTIAL_LENGTH = 16_384;

export interface Authenticator {
  authenticate(credential: string): Promise<Principal>;
  readonly tokens: TokenService;
  /** Whether identity tokens of an OIDC issuer are accepted. */
  readonly oidc: boolean;
}

export interface AuthenticatorOptions {
  readonly store: MetadataStore;
  readonly model: MeshModel;
  /** mesh.yaml's `identity` section; defaults to `model.config.identity`. */
  readonly config?: IdentitySettings;
  /** The workspace root (a relative `identity.oidc.jwksFile` is resolved against it). */
  readonly root: string;
  readonly now?: () => Date;
  /** Recording a token's last use failed (authentication still succeeded). */
  readonly onTouchError?: (error: unknown) => void;
}

/** Throws MW5211 when the identity settings are unusable, so a server fails at startup. */
export function createAuthenticator(options: AuthenticatorOptions): Authenticator {
  const config = options.config ?? options.model.config.identity;
  const tokens = createTokenService({
    store: options.store,
    model: options.model,
    settings: config?.tokens,
    now: options.now,
    onTouchError: options.onTouchError,
  });
  const oidc: OidcVerifier | undefined = config?.oidc
    ? createOidcVerifier({ settings: config.oidc, model: options.model, root: options.root, now: options.now })
    : undefined;
  return {
    tokens,
    oidc: oidc !== undefined,
    async authenticate(credential) {
      if (typeof credential !== 'string' || credential.length > MAX_CREDENTIAL_LENGTH) throw malformed();
      if (credential.startsWith(TOKEN_PREFIX)) return tokens.authenticate(credential);
      if (JWT_SHAPE.test(credential)) {
        if (!oidc) {
          throw new UnauthenticatedError(
            'MW5207',
            'identity tokens (JWTs) are not accepted: no OIDC issuer is configured in mesh.yaml; use an API token.',
          );
        }
        return oidc.verify(credential);
      }
      throw malformed();
    },
  };
}

function malformed(): UnauthenticatedError {
  return new UnauthenticatedError('MW5202', 'the credential is neither a Meshwork API token (mwt_…) nor a JWT.');
}
