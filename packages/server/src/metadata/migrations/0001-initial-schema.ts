/**
 * The first schema: products, descriptor versions, teams, users and memberships, the audit log.
 * Every list the store serves has an index that matches its WHERE and ORDER BY, so a page costs
 * the same at 100 rows or at 100k products and 10M audit events.
 */
import { createAppendOnlyTriggers } from './append-only-triggers.js';
import { columnTypes } from './column-types.js';
import type { Migration } from './migration.js';

export const initialSchema: Migration = {
  id: '0001-initial-schema',
  async up(db, kind) {
    const t = columnTypes(kind);
    const schema = db.schema;

    await schema
      .createTable('products')
      .addColumn('id', t.key, (c) => c.primaryKey())
      .addColumn('domain', t.key, (c) => c.notNull())
      .addColumn('name', t.text, (c) => c.notNull())
      .addColumn('urn', t.key, (c) => c.notNull().unique())
      .addColumn('archetype', t.text, (c) => c.notNull())
      .addColumn('status', t.text, (c) => c.notNull())
      .addColumn('owner_team', t.key, (c) => c.notNull())
      .addColumn('current_version', t.text)
      .addColumn('registered_at', t.timestamp, (c) => c.notNull())
      .addColumn('updated_at', t.timestamp, (c) => c.notNull())
      .execute();
    await schema.createIndex('products_domain_id').on('products').columns(['domain', 'id']).execute();
    await schema.createIndex('products_owner_team_id').on('products').columns(['owner_team', 'id']).execute();

    await schema
      .createTable('descriptor_versions')
      .addColumn('product_id', t.key, (c) => c.notNull().references('products.id'))
      .addColumn('kind', t.key, (c) => c.notNull())
      .addColumn('document_id', t.key, (c) => c.notNull())
      .addColumn('version', t.key, (c) => c.notNull())
      .addColumn('content', t.text, (c) => c.notNull())
      .addColumn('content_hash', t.text, (c) => c.notNull())
      .addColumn('published_by', t.text, (c) => c.notNull())
      .addColumn('published_at', t.timestamp, (c) => c.notNull())
      .addPrimaryKeyConstraint('descriptor_versions_pk', ['product_id', 'kind', 'document_id', 'version'])
      .execute();
    await createAppendOnlyTriggers(db, kind, 'descriptor_versions');

    await schema
      .createTable('teams')
      .addColumn('id', t.key, (c) => c.primaryKey())
      .addColumn('name', t.text, (c) => c.notNull())
      .addColumn('description', t.text)
      .addColumn('updated_at', t.timestamp, (c) => c.notNull())
      .execute();
    await schema
      .createTable('users')
      .addColumn('id', t.key, (c) => c.primaryKey())
      .addColumn('name', t.text, (c) => c.notNull())
      .addColumn('email', t.text)
      .addColumn('roles', t.text, (c) => c.notNull())
      .addColumn('updated_at', t.timestamp, (c) => c.notNull())
      .execute();
    // No foreign key to teams: mesh.yaml may name a team before it is registered, and a user's
    // memberships should not block removing a team.
    await schema
      .createTable('user_teams')
      .addColumn('user_id', t.key, (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('team_id', t.key, (c) => c.notNull())
      .addPrimaryKeyConstraint('user_teams_pk', ['user_id', 'team_id'])
      .execute();
    await schema.createIndex('user_teams_team_user').on('user_teams').columns(['team_id', 'user_id']).execute();

    await schema
      .createTable('audit_events')
      .addColumn('seq', t.bigint, (c) => c.primaryKey())
      .addColumn('at', t.timestamp, (c) => c.notNull())
      .addColumn('actor', t.text, (c) => c.notNull())
      .addColumn('action', t.text, (c) => c.notNull())
      .addColumn('resource', t.text, (c) => c.notNull())
      .addColumn('details', t.text, (c) => c.notNull())
      // Unique prev_hash: a fork (two events extending one head) is impossible even if the
      // application's lock were ever bypassed.
      .addColumn('prev_hash', t.text, (c) => c.notNull().unique())
      .addColumn('hash', t.text, (c) => c.notNull())
      .execute();
    await schema.createIndex('audit_events_resource_seq').on('audit_events').columns(['resource', 'seq']).execute();
    await schema.createIndex('audit_events_actor_seq').on('audit_events').columns(['actor', 'seq']).execute();
    await createAppendOnlyTriggers(db, kind, 'audit_events');
  },
};
