/**
 * API tokens: create (the plaintext is returned once and stored nowhere), list, revoke, and
 * authenticate. Authentication re-reads the token on every call, so a revocation takes effect
 * on the next request of every server sharing the store.
 *
 * @example
 * const tokens = createTokenService({ store, model });
 * const { token } = await tokens.create('alice', { scopes: ['query'], expiresIn: '30d', createdBy: 'olga' });
 * const principal = await tokens.authenticate(token); // { id: 'alice', scopes: ['query'], authenticatedBy: 'token:…' }
 */
import { InputError, NotFoundError, UnauthenticatedError, type IdentitySettings, type MeshModel } from '@meshwork/core';
import type { MetadataStore } from '../metadata/metadata-store.js';
import type { Page } from '../metadata/metadata-types.js';
import type { TokenQuery, TokenRecord } from '../metadata/token-types.js';
import { TOKEN_SCOPES, type Principal, type TokenScope } from './principal.js';
import { freezePrincipal, resolvePrincipal } from './resolve-principal.js';
import { generateToken, isTokenId, parseToken } from './token-format.js';
import { expiryFor, tokenLifetimes } from './token-lifetime.js';
import { DUMMY_SECRET_HASH, hashSecret, secretMatches } from './token-secret.js';

/** Last use is recorded at most this often per token, so authentication rarely writes. */
const TOUCH_INTERVAL_MS = 60_000;

export interface TokenServiceOptions {
  readonly store: MetadataStore;
  readonly model: MeshModel;
  /** Defaults to mesh.yaml's `identity.tokens`. */
  readonly settings?: IdentitySettings['tokens'];
  readonly now?: () => Date;
  /** Recording last use failed; authentication still succeeds (it is bookkeeping, not security). */
  readonly onTouchError?: (error: unknown) => void;
}

export interface CreateTokenOptions {
  /** Empty or undefined: every scope the principal has. */
  readonly scopes?: readonly string[];
  /** `30d`, `12h`…; defaults to `identity.tokens.defaultTtlDays` (90 days). */
  readonly expiresIn?: string;
  readonly description?: string;
  /** Who creates it, for the record and the audit log. */
  readonly createdBy: string;
}

export interface CreatedToken {
  /** The whole token: show it once, never store or log it. */
  readonly token: string;
  readonly record: TokenRecord;
}

export interface RevokedToken {
  readonly record: TokenRecord;
  /** True when it had been revoked before (nothing changed). */
  readonly alreadyRevoked: boolean;
}

export interface TokenService {
  create(principalId: string, options: CreateTokenOptions): Promise<CreatedToken>;
  list(query?: TokenQuery): Promise<Page<TokenRecord>>;
  /** NotFoundError MW5224 for an unknown id. */
  revoke(id: string, by: string): Promise<RevokedToken>;
  /** The token's principal with its scopes; UnauthenticatedError MW5202–MW5206 otherwise. */
  authenticate(token: string): Promise<Principal>;
}

export function createTokenService(options: TokenServiceOptions): TokenService {
  const { store, model } = options;
  const now = options.now ?? (() => new Date());
  const lifetimes = tokenLifetimes(options.settings ?? model.config.identity?.tokens);
  const touched = new Map<string, number>();

  async function recordUse(record: TokenRecord, at: Date): Promise<void> {
    const last = Math.max(touched.get(record.id) ?? 0, record.lastUsedAt === null ? 0 : Date.parse(record.lastUsedAt));
    if (at.getTime() - last < TOUCH_INTERVAL_MS) return;
    touched.set(record.id, at.getTime());
    try {
      await store.touchToken(record.id, at);
    } catch (error) {
      options.onTouchError?.(error);
    }
  }

  return {
    async create(principalId, { scopes, expiresIn, description, createdBy }) {
      const principal = resolvePrincipal(model, principalId);
      if (!principal) {
        const declared = [...model.users.keys(), ...model.serviceAccounts.keys()];
        throw new InputError(
          'MW5220',
          `no user or service account "${principalId}" in mesh.yaml (declared: ${declared.slice(0, 10).join(', ') || 'none'}).`,
        );
      }
      const createdAt = now();
      const expiresAt = expiryFor(createdAt, expiresIn, lifetimes);
      const { id, secret, token } = generateToken();
      const record = await store.createToken({
        id,
        principalId: principal.id,
        principalKind: principal.kind,
        description: description ?? null,
        scopes: validScopes(scopes ?? []),
        secretHash: hashSecret(secret),
        createdBy,
        createdAt,
        expiresAt,
      });
      try {
        await store.appendAudit({
          actor: createdBy,
          action: 'token.created',
          resource: tokenUrn(id),
          at: createdAt,
          details: {
            principalId: record.principalId,
            principalKind: record.principalKind,
            scopes: record.scopes === null ? null : [...record.scopes],
            expiresAt: record.expiresAt,
            description: record.description,
          },
        });
      } catch (error) {
        // No usable token without its audit event: take it back before reporting the failure.
        await store.revokeToken(id, now(), 'system').catch(() => undefined);
        throw error;
      }
      return { token, record };
    },

    list: (query) => store.listTokens(query),

    async revoke(id, by) {
      const existing = isTokenId(id) ? await store.getToken(id) : undefined;
      if (!existing) throw new NotFoundError('MW5224', `no API token with id "${id}".`);
      if (existing.revokedAt !== null) return { record: withoutHash(existing), alreadyRevoked: true };
      const at = now();
      const record = await store.revokeToken(id, at, by);
      if (!record) throw new NotFoundError('MW5224', `no API token with id "${id}".`);
      // Revoked first, audited second: a failing audit log must not keep a token alive.
      await store.appendAudit({
        actor: by,
        action: 'token.revoked',
        resource: tokenUrn(id),
        at,
        details: { principalId: record.principalId, principalKind: record.principalKind },
      });
      return { record, alreadyRevoked: false };
    },

    async authenticate(token) {
      const parsed = parseToken(token);
      if (!parsed) {
        throw new UnauthenticatedError('MW5202', 'the credential is not a well-formed Meshwork API token (mwt_…).');
      }
      const stored = await store.getToken(parsed.id);
      // Compare even for an unknown id, so that both failures take the same path and time.
      const matches = secretMatches(parsed.secret, stored?.secretHash ?? DUMMY_SECRET_HASH);
      if (!stored || !matches) {
        throw new UnauthenticatedError('MW5203', 'the API token is not valid.');
      }
      // From here the caller has proven it holds the token, so the reasons may be specific.
      if (stored.revokedAt !== null) {
        throw new UnauthenticatedError('MW5205', `API token ${stored.id} was revoked at ${stored.revokedAt}.`);
      }
      const at = now();
      if (Date.parse(stored.expiresAt) <= at.getTime()) {
        throw new UnauthenticatedError('MW5204', `API token ${stored.id} expired at ${stored.expiresAt}.`);
      }
      const principal = resolvePrincipal(model, stored.principalId, {
        kind: stored.principalKind,
        authenticatedBy: `token:${stored.id}`,
      });
      if (!principal) {
        throw new UnauthenticatedError(
          'MW5206',
          `the ${stored.principalKind === 'service' ? 'service account' : 'user'} "${stored.principalId}" of API token ${stored.id} is no longer declared in mesh.yaml.`,
        );
      }
      await recordUse(stored, at);
      return stored.scopes === null ? principal : freezePrincipal({ ...principal, scopes: [...stored.scopes] });
    },
  };
}

export function tokenUrn(id: string): string {
  return `urn:meshwork:token:${id}`;
}

function validScopes(scopes: readonly string[]): TokenScope[] {
  const known: readonly string[] = TOKEN_SCOPES;
  for (const scope of scopes) {
    if (!known.includes(scope)) {
      throw new InputError(
        'MW5221',
        `unknown token scope ${JSON.stringify(scope)}; use ${TOKEN_SCOPES.join(', ')} (or none for all).`,
      );
    }
  }
  return scopes as TokenScope[];
}

function withoutHash(token: TokenRecord & { readonly secretHash?: string }): TokenRecord {
  const { secretHash: _hash, ...record } = token;
  return record;
}
