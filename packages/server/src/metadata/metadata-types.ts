/**
 * The records the metadata store keeps. Timestamps are ISO-8601 UTC strings with millisecond
 * precision (`2024-05-01T12:00:00.000Z`), whatever the database stores, so that both adapters
 * return byte-identical records and hash them identically.
 */
import { ARCHETYPES, type Archetype } from '@meshwork/core';
import type { JsonValue } from './canonical-json.js';

/** The model's archetypes; the store keeps exactly those. */
export type ProductArchetype = Archetype;
/** The model's lifecycle states that a registered product can be in (`proposed` is not registered). */
export type LifecycleStatus = 'draft' | 'active' | 'deprecated' | 'retired';

export const PRODUCT_ARCHETYPES: readonly ProductArchetype[] = ARCHETYPES;
export const LIFECYCLE_STATUSES: readonly LifecycleStatus[] = ['draft', 'active', 'deprecated', 'retired'];

/** What a caller registers; the store adds the timestamps. */
export interface ProductInput {
  /** Stable id `domain.product`, e.g. `sales.orders`. */
  readonly id: string;
  readonly domain: string;
  readonly name: string;
  /** `urn:meshwork:<domain>:<product>`; unique across the mesh. */
  readonly urn: string;
  readonly archetype: ProductArchetype;
  readonly status: LifecycleStatus;
  readonly ownerTeam: string;
  /** Semver of the version currently served, or null before the first publish. */
  readonly currentVersion: string | null;
}

export interface ProductRecord extends ProductInput {
  /** When the id was first registered; never changes afterwards. */
  readonly registeredAt: string;
  readonly updatedAt: string;
}

export type DescriptorKind = 'odps' | 'odcs';
export const DESCRIPTOR_KINDS: readonly DescriptorKind[] = ['odps', 'odcs'];

/** Identifies one published version of one descriptor document. */
export interface DescriptorVersionKey {
  readonly productId: string;
  readonly kind: DescriptorKind;
  /** The ODPS product id or the ODCS contract id. */
  readonly documentId: string;
  readonly version: string;
}

export interface DescriptorVersionSummary extends DescriptorVersionKey {
  readonly contentHash: string;
  readonly publishedBy: string;
  readonly publishedAt: string;
}

export interface DescriptorVersionRecord extends DescriptorVersionSummary {
  /** The canonical JSON text of the document, exactly as published. */
  readonly content: string;
}

export interface DescriptorVersionInput extends DescriptorVersionKey {
  readonly content: string;
  readonly contentHash: string;
  readonly publishedBy: string;
  /** Defaults to the store's clock. */
  readonly publishedAt?: string | Date;
}

/** `created` is false when the same content had already been recorded (an idempotent retry). */
export interface RecordedDescriptorVersion {
  readonly descriptor: DescriptorVersionRecord;
  readonly created: boolean;
}

export interface DescriptorVersionFilter {
  readonly kind?: DescriptorKind;
  readonly documentId?: string;
}

export interface TeamInput {
  readonly id: string;
  readonly name: string;
  readonly description?: string | null;
}

export interface TeamRecord {
  readonly id: string;
  readonly name: string;
  readonly description: string | null;
  readonly updatedAt: string;
}

export interface UserInput {
  readonly id: string;
  readonly name: string;
  readonly email?: string | null;
  readonly teams: readonly string[];
  readonly roles: readonly string[];
}

export interface UserRecord {
  readonly id: string;
  readonly name: string;
  readonly email: string | null;
  /** Sorted, without duplicates. */
  readonly teams: readonly string[];
  /** In the order given, without duplicates. */
  readonly roles: readonly string[];
  readonly updatedAt: string;
}

export interface AuditInput {
  /** Who did it: a user id, a service account, `system`. */
  readonly actor: string;
  /** What happened, dotted: `product.published`, `access.approved`. */
  readonly action: string;
  /** What it happened to, usually a URN. */
  readonly resource: string;
  /** Plain JSON; never secrets. Defaults to `{}`. */
  readonly details?: JsonValue;
  /** Defaults to the store's clock. */
  readonly at?: string | Date;
}

/** The fields the hash covers, in addition to the previous event's hash. */
export interface AuditEventFields {
  readonly seq: number;
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly resource: string;
  readonly details: JsonValue;
}

export interface AuditEvent extends AuditEventFields {
  readonly prevHash: string;
  /** sha256(prevHash + canonical JSON of the fields), lowercase hex. */
  readonly hash: string;
}

export type AuditVerification =
  | { readonly ok: true; readonly count: number; readonly headHash: string }
  | { readonly ok: false; readonly count: number; readonly firstBadSeq: number; readonly reason: string };

/** One page of a keyset-paginated list; `next` is absent on the last page. */
export interface Page<T, Cursor = string> {
  readonly items: readonly T[];
  readonly next?: Cursor;
}

export interface PageQuery {
  /** The `next` of the previous page. */
  readonly after?: string;
  /** 1–1000; defaults to 100. */
  readonly limit?: number;
}

export interface ProductQuery extends PageQuery {
  readonly domain?: string;
}

export interface UserQuery extends PageQuery {
  /** Only members of this team. */
  readonly team?: string;
}

export interface AuditQuery {
  /** Only events with a greater seq. */
  readonly after?: number;
  /** 1–1000; defaults to 100. */
  readonly limit?: number;
  readonly resource?: string;
  readonly actor?: string;
}

export interface MigrationResult {
  /** Migrations run by this call, in order; empty when the schema was already current. */
  readonly applied: readonly string[];
  /** The id of the newest migration now in the database. */
  readonly current: string;
}
