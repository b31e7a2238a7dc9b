/**
 * API tokens. The row holds the SHA-256 of the secret, never the secret; every read except
 * `get` (which authentication needs) leaves the hash out. Revocation is a conditional UPDATE, so
 * the first revocation's time and actor are kept; last use only moves forward.
 */
import { ConflictError, InputError } from '@meshwork/core';
import type { Selectable } from 'kysely';
import { TOKEN_SCOPES, type TokenScope } from '../../identity/principal.js';
import { canonicalJson } from '../canonical-json.js';
import type { Page } from '../metadata-types.js';
import { decodeCursor, encodeCursor, pageLimit, toPage } from '../page-request.js';
import { fromTimestamp, optionalText, requireChoice, requireText, toTimestamp } from '../record-validation.js';
import {
  TOKEN_PRINCIPAL_KINDS,
  type StoredToken,
  type TokenInput,
  type TokenQuery,
  type TokenRecord,
} from '../token-types.js';
import type { ApiTokensTable } from './metadata-schema.js';
import type { RepositoryContext } from './repository-context.js';

/** Every column but the hash: what lists and revocations return. */
const RECORD_COLUMNS = [
  'id',
  'principal_id',
  'principal_kind',
  'description',
  'scopes',
  'created_by',
  'created_at',
  'expires_at',
  'revoked_at',
  'revoked_by',
  'last_used_at',
] as const;

type RecordRow = Pick<Selectable<ApiTokensTable>, (typeof RECORD_COLUMNS)[number]>;

const SHA256_HEX = /^[0-9a-f]{64}$/;
const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export class TokenRepository {
  constructor(private readonly context: RepositoryContext) {}

  async create(input: TokenInput): Promise<TokenRecord> {
    const row = normalizeTokenInput(input, this.context.now);
    return this.context.write('data', async (trx) => {
      const inserted = await trx
        .insertInto('api_tokens')
        .values({ ...row, revoked_at: null, revoked_by: null, last_used_at: null })
        .onConflict((conflict) => conflict.column('id').doNothing())
        .returning(RECORD_COLUMNS)
        .executeTakeFirst();
      if (!inserted) throw new ConflictError('MW6110', `Token ${row.id} already exists; every token needs a new id.`);
      return toTokenRecord(inserted);
    });
  }

  async get(id: string): Promise<StoredToken | undefined> {
    const row = await this.context.db.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirst();
    return row && { ...toTokenRecord(row), secretHash: row.secret_hash };
  }

  async list(query: TokenQuery = {}): Promise<Page<TokenRecord>> {
    const limit = pageLimit(query.limit);
    const after = decodeTokenCursor(query.after);
    const principalId = optionalText(query.principalId, 'principalId', 200);
    let select = this.context.db.selectFrom('api_tokens').select(RECORD_COLUMNS);
    // Both index shapes end (created_at, id); the revoked/expired filters are residual, and
    // few tokens are ever revoked or expired compared with the ones listed.
    if (principalId !== null) select = select.where('principal_id', '=', principalId);
    if (query.includeRevoked !== true) select = select.where('revoked_at', 'is', null);
    if (query.includeExpired !== true) select = select.where('expires_at', '>', this.context.now().toISOString());
    if (after !== undefined) {
      select = select.where(({ eb, refTuple, tuple }) =>
        eb(refTuple('created_at', 'id'), '<', tuple(after.createdAt, after.id)),
      );
    }
    const rows = await select
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit + 1)
      .execute();
    return toPage(rows.map(toTokenRecord), limit, (token) => encodeCursor(`${token.createdAt}|${token.id}`));
  }

  /** Revokes once: a second call keeps the first time and actor. Undefined for an unknown id. */
  async revoke(id: string, at: string | Date, by: string): Promise<TokenRecord | undefined> {
    const revokedAt = toTimestamp(at, 'revokedAt', this.context.now);
    const revokedBy = requireText(by, 'revokedBy', 200);
    return this.context.write('data', async (trx) => {
      const updated = await trx
        .updateTable('api_tokens')
        .set({ revoked_at: revokedAt, revoked_by: revokedBy })
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .returning(RECORD_COLUMNS)
        .executeTakeFirst();
      if (updated) return toTokenRecord(updated);
      const existing = await trx
        .selectFrom('api_tokens')
        .select(RECORD_COLUMNS)
        .where('id', '=', id)
        .executeTakeFirst();
      return existing && toTokenRecord(existing);
    });
  }

  /** Records a use; never moves last use backwards (two servers may touch out of order). */
  async touch(id: string, at: string | Date): Promise<void> {
    const usedAt = toTimestamp(at, 'lastUsedAt', this.context.now);
    await this.context.write('data', (trx) =>
      trx
        .updateTable('api_tokens')
        .set({ last_used_at: usedAt })
        .where('id', '=', id)
        .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', usedAt)]))
        .execute(),
    );
  }
}

function normalizeTokenInput(input: TokenInput, now: () => Date) {
  const createdAt = toTimestamp(input.createdAt, 'token.createdAt', now);
  if (input.expiresAt === undefined || input.expiresAt === null) {
    throw new InputError('MW6101', 'token.expiresAt is required: every token expires.');
  }
  const expiresAt = toTimestamp(input.expiresAt, 'token.expiresAt', now);
  if (expiresAt <= createdAt) {
    throw new InputError('MW6101', `token.expiresAt ${expiresAt} must be after token.createdAt ${createdAt}.`);
  }
  if (typeof input.secretHash !== 'string' || !SHA256_HEX.test(input.secretHash)) {
    throw new InputError('MW6101', 'token.secretHash must be a SHA-256 digest as 64 lowercase hex digits.');
  }
  return {
    id: requireText(input.id, 'token.id', 64),
    principal_id: requireText(input.principalId, 'token.principalId', 200),
    principal_kind: requireChoice(input.principalKind, 'token.principalKind', TOKEN_PRINCIPAL_KINDS),
    description: optionalText(input.description, 'token.description', 1000),
    scopes: normalizeScopes(input.scopes),
    secret_hash: input.secretHash,
    created_by: requireText(input.createdBy, 'token.createdBy', 200),
    created_at: createdAt,
    expires_at: expiresAt,
  };
}

/** Null for unrestricted; otherwise the distinct scopes in TOKEN_SCOPES order, as canonical JSON. */
function normalizeScopes(scopes: readonly TokenScope[] | null | undefined): string | null {
  if (scopes === undefined || scopes === null) return null;
  if (!Array.isArray(scopes)) throw new InputError('MW6101', 'token.scopes must be an array of scopes.');
  if (scopes.length === 0) return null;
  const chosen = new Set(scopes.map((scope, i) => requireChoice(scope, `token.scopes[${i}]`, TOKEN_SCOPES)));
  return canonicalJson(TOKEN_SCOPES.filter((scope) => chosen.has(scope)));
}

function toTokenRecord(row: RecordRow): TokenRecord {
  return {
    id: row.id,
    principalId: row.principal_id,
    principalKind: row.principal_kind as TokenRecord['principalKind'],
    description: row.description,
    scopes: row.scopes === null ? null : (JSON.parse(row.scopes) as TokenScope[]),
    createdBy: row.created_by,
    createdAt: fromTimestamp(row.created_at),
    expiresAt: fromTimestamp(row.expires_at),
    revokedAt: row.revoked_at === null ? null : fromTimestamp(row.revoked_at),
    revokedBy: row.revoked_by,
    lastUsedAt: row.last_used_at === null ? null : fromTimestamp(row.last_used_at),
  };
}

function decodeTokenCursor(cursor: string | undefined): { createdAt: string; id: string } | undefined {
  const key = decodeCursor(cursor);
  if (key === undefined) return undefined;
  const [createdAt = '', id = '', ...rest] = key.split('|');
  if (!ISO_MS.test(createdAt) || id === '' || rest.length > 0) {
    throw new InputError(
      'MW6103',
      'after is not a cursor returned by listTokens; pass the `next` of the previous page of tokens.',
    );
  }
  return { createdAt, id };
}
