/**
 * Who is asking: a user or a service account of mesh.yaml, or a subject vouched for by the OIDC
 * issuer, with everything access policies and row filters may look at. Built once per request
 * from the mesh model (or a verified JWT) and never from what the client claims about itself.
 */
import type { Role } from '@meshwork/core';

/**
 * What a token may be used for. A principal's policies decide what it may do; a scoped token can
 * only narrow that down (a `query` token cannot approve access requests even for an owner).
 */
export const TOKEN_SCOPES = ['discover', 'metadata', 'query', 'publish', 'approve', 'admin'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

export type PrincipalAttributeValue = string | number | boolean;

export interface Principal {
  readonly kind: 'user' | 'service';
  /** The user or service account id of mesh.yaml, or the OIDC subject mapped to one. */
  readonly id: string;
  readonly name?: string;
  readonly email?: string;
  readonly teams: readonly string[];
  readonly groups: readonly string[];
  readonly roles: readonly Role[];
  /** Free attributes of mesh.yaml (e.g. `region: EU`), used by policies and row filters. */
  readonly attributes: Readonly<Record<string, PrincipalAttributeValue>>;
  /** The scopes of the token that authenticated the request; undefined means unrestricted. */
  readonly scopes?: readonly TokenScope[];
  /** How the principal was authenticated, for audit: a token id, `oidc`, or `local` (the CLI). */
  readonly authenticatedBy: string;
}
