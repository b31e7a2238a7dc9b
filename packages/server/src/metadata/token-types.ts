/**
 * API token records. The store keeps only the SHA-256 hash of a token's secret: the plaintext
 * token is shown once by whoever created it and exists nowhere else. `TokenRecord` (what lists
 * return) has no hash at all; only `getToken`, which authentication needs, returns it.
 */
import type { TokenScope } from '../identity/principal.js';
import type { PageQuery } from './metadata-types.js';

export type TokenPrincipalKind = 'user' | 'service';
export const TOKEN_PRINCIPAL_KINDS: readonly TokenPrincipalKind[] = ['user', 'service'];

export interface TokenInput {
  /** The public part of the token (`mwt_<id>_<secret>`); unique. */
  readonly id: string;
  readonly principalId: string;
  readonly principalKind: TokenPrincipalKind;
  readonly description?: string | null;
  /** Empty, null or undefined: every scope the principal has. */
  readonly scopes?: readonly TokenScope[] | null;
  /** SHA-256 of the secret, 64 lowercase hex digits. */
  readonly secretHash: string;
  /** Who created it: a user id, a service account, `demo`. */
  readonly createdBy: string;
  /** Defaults to the store's clock. */
  readonly createdAt?: string | Date;
  /** Required: every token expires; must be after `createdAt`. */
  readonly expiresAt: string | Date;
}

export interface TokenRecord {
  readonly id: string;
  readonly principalId: string;
  readonly principalKind: TokenPrincipalKind;
  readonly description: string | null;
  /** Null: unrestricted (every scope the principal has). */
  readonly scopes: readonly TokenScope[] | null;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly revokedAt: string | null;
  readonly revokedBy: string | null;
  /** Updated at most about once a minute by authentication, so it is approximate. */
  readonly lastUsedAt: string | null;
}

/** A token as authentication reads it: the record and the hash its secret must match. */
export interface StoredToken extends TokenRecord {
  readonly secretHash: string;
}

/** Newest first (by creation time, then id); `after` is the `next` of the previous page. */
export interface TokenQuery extends PageQuery {
  readonly principalId?: string;
  /** Include revoked tokens (default false). */
  readonly includeRevoked?: boolean;
  /** Include tokens past their expiry, by the store's clock (default false). */
  readonly includeExpired?: boolean;
}
