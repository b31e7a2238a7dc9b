/**
 * Codes of identity and API tokens (MW5201–MW5299). Authentication failures (MW5201–MW5212) are
 * answered 401 (MW5210: 503) and word their messages so that they never tell a caller which
 * tokens exist: an unknown token id and a wrong secret give the same MW5203.
 */
export const IDENTITY_CODES = {
  MW5201: {
    title: 'Authentication required',
    fix: 'Send `Authorization: Bearer <token>` with an API token (`mesh token create <principal>`) or an OIDC identity token.',
  },
  MW5202: {
    title: 'Malformed credentials',
    fix: 'Send `Authorization: Bearer <credential>` where the credential is a whole `mwt_…` API token or a JWT from the configured issuer.',
  },
  MW5203: {
    title: 'Invalid API token',
    fix: 'Check that the whole token was copied; tokens are shown once, so create a new one if it is lost (`mesh token create`).',
  },
  MW5204: {
    title: 'API token expired',
    fix: 'Create a new token (`mesh token create <principal> --expires <e.g. 30d>`).',
  },
  MW5205: { title: 'API token revoked', fix: 'Create a new token; a revoked token never works again.' },
  MW5206: {
    title: 'Principal no longer declared',
    fix: 'The user or service account of the token was removed from mesh.yaml (or changed kind); declare it again or use another token.',
  },
  MW5207: {
    title: 'OIDC not configured',
    fix: 'Configure `identity.oidc` in mesh.yaml to accept identity tokens, or authenticate with an API token.',
  },
  MW5208: {
    title: 'Invalid identity token',
    fix: 'Get a new token from the configured issuer for this audience, signed with RS256, ES256 or EdDSA by a key of its key set.',
  },
  MW5209: {
    title: 'Identity token expired or not yet valid',
    fix: 'Get a fresh token from the identity provider, and check that the clocks of both machines are right.',
  },
  MW5210: {
    title: 'Identity provider keys unavailable',
    fix: 'Check that `identity.oidc.jwksUrl` is reachable from the server and answers 200 with a JSON Web Key Set; retry.',
  },
  MW5211: {
    title: 'Invalid identity settings',
    fix: 'In mesh.yaml `identity`, set exactly one of `oidc.jwksFile` (an existing JWKS file) and `oidc.jwksUrl` (https, or http on localhost), and `tokens.defaultTtlDays` ≤ `tokens.maxTtlDays`.',
  },
  MW5212: {
    title: 'Service accounts cannot sign in through OIDC',
    fix: 'The token’s subject names a service account of mesh.yaml; service accounts authenticate with API tokens.',
  },
  MW5220: {
    title: 'Unknown principal',
    fix: 'Name a user or service account declared in mesh.yaml (`users` or `serviceAccounts`).',
  },
  MW5221: {
    title: 'Invalid token scope',
    fix: 'Use scopes from: discover, metadata, query, publish, approve, admin (or none for an unrestricted token).',
  },
  MW5222: {
    title: 'Invalid token lifetime',
    fix: 'Give the lifetime as a positive number and a unit: m (minutes), h (hours), d (days) or w (weeks), e.g. 30d or 12h.',
  },
  MW5223: {
    title: 'Token lifetime beyond the maximum',
    fix: 'Choose a shorter lifetime, or raise `identity.tokens.maxTtlDays` in mesh.yaml (at most 365).',
  },
  MW5224: { title: 'Token not found', fix: 'Pass the id of a token (`mesh token list --all` shows them).' },
} as const satisfies Record<string, { readonly title: string; readonly fix: string }>;

export type IdentityCode = keyof typeof IDENTITY_CODES;
