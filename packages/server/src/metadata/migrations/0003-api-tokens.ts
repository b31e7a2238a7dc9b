/**
 * API tokens: one row per token, holding the SHA-256 of its secret and never the secret. Tokens
 * are listed newest first, all of them or one principal's; each shape has an index ending
 * (created_at, id), scanned backwards for `created_at desc, id desc`. Authentication reads by the
 * primary key. Rows are updated (revocation, last use) but never deleted, so a revoked token
 * stays explainable.
 */
import { columnTypes } from './column-types.js';
import type { Migration } from './migration.js';

export const apiTokens: Migration = {
  id: '0003-api-tokens',
  async up(db, kind) {
    const t = columnTypes(kind);
    await db.schema
      .createTable('api_tokens')
      .addColumn('id', t.key, (c) => c.primaryKey())
      .addColumn('principal_id', t.key, (c) => c.notNull())
      .addColumn('principal_kind', t.key, (c) => c.notNull())
      .addColumn('description', t.text)
      // Canonical JSON array of scopes; null means unrestricted.
      .addColumn('scopes', t.text)
      .addColumn('secret_hash', t.text, (c) => c.notNull())
      .addColumn('created_by', t.text, (c) => c.notNull())
      .addColumn('created_at', t.timestamp, (c) => c.notNull())
      .addColumn('expires_at', t.timestamp, (c) => c.notNull())
      .addColumn('revoked_at', t.timestamp)
      .addColumn('revoked_by', t.text)
      .addColumn('last_used_at', t.timestamp)
      .execute();
    await db.schema.createIndex('api_tokens_created_id').on('api_tokens').columns(['created_at', 'id']).execute();
    await db.schema
      .createIndex('api_tokens_principal_created_id')
      .on('api_tokens')
      .columns(['principal_id', 'created_at', 'id'])
      .execute();
  },
};
