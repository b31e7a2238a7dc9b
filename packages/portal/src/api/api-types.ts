/**
 * The JSON the portal reads, as the HTTP API sends it (the contract is the OpenAPI document at
 * /api/openapi.json; product detail sections are described in packages/server/src/product-detail).
 * Declared here rather than imported from @meshwork/server: that package's types drag Node and
 * every server dependency into a browser type-check, and the wire format is what the portal
 * depends on anyway. Only the fields the portal uses are declared; the end-to-end test
 * (tests/portal/portal.e2e.test.ts) checks them against a real server.
 */

/** `GET /api/v1/me`. */
export interface Me {
  readonly id: string;
  readonly kind: 'user' | 'service';
  readonly name: string | null;
  readonly email: string | null;
  readonly teams: readonly string[];
  readonly roles: readonly string[];
  readonly scopes: readonly string[] | null;
}

/** `GET /api/demo/users` (demo mesh only). */
export interface DemoUser {
  readonly id: string;
  readonly kind: 'user' | 'service';
  readonly name: string;
  readonly roles: readonly string[];
  readonly token: string;
}

export const SEARCH_FACETS = ['domain', 'archetype', 'status', 'classification', 'tag', 'owner', 'freshness'] as const;
export type SearchFacet = (typeof SEARCH_FACETS)[number];

export interface FacetCount {
  readonly value: string;
  readonly count: number;
}

/** `GET /api/v1/search`. */
export interface SearchResults {
  readonly total: number;
  readonly items: readonly SearchHit[];
  readonly facets: Readonly<Record<SearchFacet, readonly FacetCount[]>>;
}

export interface SearchHit {
  readonly id: string;
  readonly title: string;
  readonly domain: string;
  readonly archetype: string | null;
  /** Lifecycle status: draft, active, deprecated… */
  readonly status: string;
  readonly ownerTeam: string | null;
  readonly description: string | null;
  readonly matches: readonly string[];
}

/** `GET /api/v1/products/{id}`. */
export interface ProductSummary {
  readonly id: string;
  readonly title: string;
  readonly domain: string;
  readonly archetype: string | null;
  readonly lifecycle: string;
  readonly version: string | null;
  readonly owner: string | null;
  readonly description: string | null;
  readonly tags: readonly string[];
  /** Freshness: fresh, stale, failing; null before the first evaluation. */
  readonly status: string | null;
}

/** `GET /api/v1/products/{id}/health`. */
export interface HealthScorecard {
  readonly productId: string;
  /** 0..100. */
  readonly score: number;
  readonly components: readonly {
    readonly name: string;
    /** 0..1, or null without evidence. */
    readonly value: number | null;
    readonly weight: number;
    readonly summary: string;
  }[];
  readonly computedAt: string;
}

export interface SchemaColumn {
  readonly name: string;
  readonly logicalType: string | null;
  readonly physicalType: string | null;
  readonly required: boolean;
  readonly primaryKey: boolean;
  readonly classification: string | null;
  readonly description: string | null;
  /** Bound glossary terms, e.g. `Customer.email`. */
  readonly terms: readonly string[];
}

export interface ContractSection {
  readonly port: string;
  readonly major: number;
  readonly version: string;
  readonly description: string | null;
  readonly workspaceVersion: string | null;
  readonly registeredVersions: readonly { readonly version: string; readonly publishedAt: string }[];
  readonly schema: readonly {
    readonly table: string;
    readonly description: string | null;
    readonly columns: readonly SchemaColumn[];
  }[];
}

export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

export type SampleSection =
  | {
      readonly allowed: true;
      readonly sql: string;
      readonly columns: readonly { readonly name: string; readonly type: string }[];
      readonly rows: readonly Readonly<Record<string, JsonValue>>[];
    }
  | { readonly allowed: false; readonly reason: string; readonly code?: string };

/** `GET /api/v1/products/{id}/detail`: the sections the portal shows so far. */
export interface ProductDetail {
  readonly id: string;
  readonly urn: string;
  readonly title: string;
  readonly domain: string;
  readonly owner: string | null;
  readonly lifecycle: string;
  /** The ODPS descriptor as written. */
  readonly descriptor: unknown;
  readonly contracts: readonly ContractSection[];
  readonly status: { readonly status: string; readonly reason: string; readonly at: string } | null;
  readonly sample: SampleSection;
  readonly health: HealthScorecard | null;
}
