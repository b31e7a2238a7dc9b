/**
 * The JSON the glossary browser reads: `GET /api/v1/glossary/entities`, `…/entities/{name}` and
 * `GET /api/v1/graph/join-paths` (packages/server/src/knowledge). Only what the browser uses.
 */

/** `GET /api/v1/glossary/entities` items. */
export interface EntitySummary {
  readonly name: string;
  readonly description: string;
  readonly synonyms: readonly string[];
  readonly identifiers: readonly string[];
  readonly attributes: number;
  readonly relations: readonly string[];
  /** Products the viewer may discover that describe it. */
  readonly products: number;
}

export interface EntityIdentifier {
  readonly name: string;
  readonly logicalType: string;
  readonly format?: string;
  readonly pattern?: string;
  readonly description?: string;
}

export interface EntityAttribute {
  readonly name: string;
  readonly logicalType: string;
  readonly format?: string;
  readonly description?: string;
}

export interface EntityRelation {
  readonly name: string;
  readonly target: string;
  readonly cardinality: string;
  readonly description?: string;
}

/** A product column bound to a glossary term. */
export interface ColumnBinding {
  readonly productId: string;
  readonly port: string;
  readonly major: number;
  /** The SQL name in the gateway, e.g. `customers.customer_profile`. */
  readonly relation: string;
  readonly table: string;
  readonly column: string;
  readonly logicalType?: string;
  readonly primaryKey: boolean;
  /** `Customer.customer_id`. */
  readonly term: string;
  /** identifier, attribute… */
  readonly kind: string;
}

/** `GET /api/v1/glossary/entities/{name}`. */
export interface EntityDetail {
  readonly entity: {
    readonly name: string;
    readonly urn: string;
    readonly description: string;
    readonly synonyms: readonly string[];
    readonly file: string;
    readonly identifiers: readonly EntityIdentifier[];
    readonly attributes: readonly EntityAttribute[];
    readonly relations: readonly EntityRelation[];
  };
  readonly products: readonly DescribingProduct[];
}

/** A product that binds columns to an entity. */
export interface DescribingProduct {
  readonly productId: string;
  readonly domain: string;
  /** about (its key is the entity's identifier), references, mentions. */
  readonly role: 'about' | 'references' | 'mentions';
  readonly columns: readonly ColumnBinding[];
}

export interface JoinStep {
  readonly term: string;
  readonly left: ColumnBinding;
  readonly right: ColumnBinding;
  /** key-to-key, key-to-foreign, attribute… */
  readonly quality: string;
  readonly compatible: boolean;
}

/** `GET /api/v1/graph/join-paths`. */
export interface JoinPaths {
  readonly from: string;
  readonly to: string;
  readonly maxHops: number;
  readonly ambiguous: boolean;
  readonly explanation?: string;
  readonly paths: readonly {
    readonly hops: number;
    readonly score: number;
    readonly products: readonly string[];
    readonly sql: string;
    readonly notes: readonly string[];
    readonly steps: readonly JoinStep[];
  }[];
}
