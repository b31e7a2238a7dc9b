/** The identity context's public surface: principals, API tokens, OIDC and the authenticator. */
export type { Principal, PrincipalAttributeValue, TokenScope } from './principal.js';
export { TOKEN_SCOPES } from './principal.js';
export { resolvePrincipal, type ResolveOptions } from './resolve-principal.js';
export {
  createTokenService,
  tokenUrn,
  type CreateTokenOptions,
  type CreatedToken,
  type RevokedToken,
  type TokenService,
  type TokenServiceOptions,
} from './token-service.js';
export { isTokenId, parseToken, TOKEN_PREFIX } from './token-format.js';
export { DEFAULT_TTL_DAYS, MAX_TTL_DAYS, parseLifetime } from './token-lifetime.js';
export { createAuthenticator, type Authenticator, type AuthenticatorOptions } from './authenticator.js';
export { createOidcVerifier, OIDC_ALGORITHMS, type OidcVerifier, type OidcVerifierOptions } from './oidc-verifier.js';
export { authenticationHook, installHttpAuth, type HttpAuthOptions } from './http-auth.js';
export { demoTokensFile, ensureDemoTokens, type DemoToken, type EnsureDemoTokensOptions } from './demo-tokens.js';
export { IDENTITY_CODES, type IdentityCode } from './identity-codes.js';
