/**
 * The knowledge graph over the glossary and the catalog: which product ports and columns are
 * bound to which glossary terms, and what can be joined through shared entity identifiers.
 */
import type { ProductId } from '../model/model-types.js';

/** What a bound term names in the glossary (`unknown`: the glossary lacks it, see MW3105/MW3106). */
export type BindingKind = 'entity' | 'identifier' | 'attribute' | 'relation' | 'term' | 'metric' | 'unknown';

/** One column of one output port (current major) bound to one glossary term. */
export interface ColumnBinding {
  readonly productId: ProductId;
  readonly domain: string;
  readonly port: string;
  readonly major: number;
  /** How the SQL gateway addresses the port, e.g. `customers.customer_profile`. */
  readonly relation: string;
  readonly table: string;
  readonly column: string;
  readonly logicalType?: string;
  readonly primaryKey: boolean;
  /** Columns of the table's primary key (1 for a simple key). */
  readonly primaryKeySize: number;
  /** The term id as written, e.g. `Customer.customer_id`. */
  readonly term: string;
  readonly kind: BindingKind;
  /** The entity the term belongs to, for entities and their members. */
  readonly entity?: string;
  /** The contract file, and where the column sits in it (for `logicalTypeOptions`). */
  readonly file: string;
  readonly tableIndex: number;
  readonly columnIndex: number;
}

/** How a product relates to an entity. */
export type EntityRole = 'about' | 'references' | 'mentions';

export interface ProductDescription {
  readonly productId: ProductId;
  readonly domain: string;
  /**
   * `about`: an identifier of the entity is (part of) a primary key, the product describes
   * instances of it; `references`: it carries an identifier as a foreign key; `mentions`: it
   * has attributes of the entity (or a binding to the entity itself) but no identifier.
   */
  readonly role: EntityRole;
  readonly columns: readonly ColumnBinding[];
}

/** Whether two bound columns are joined on an identifier key or on a shared attribute. */
export type JoinQuality = 'key-to-key' | 'key-to-foreign' | 'foreign-to-foreign' | 'attribute';

export interface JoinStep {
  readonly term: string;
  readonly left: ColumnBinding;
  readonly right: ColumnBinding;
  readonly quality: JoinQuality;
  /** Logical types agree (or one side declares none). */
  readonly compatible: boolean;
  /** Other columns of the same products bound to the same term: the choice is not unique. */
  readonly alternatives: readonly ColumnBinding[];
}

export interface JoinPath {
  /** Number of joins. */
  readonly hops: number;
  /** Lower is better: hops first, then key quality and type compatibility. */
  readonly score: number;
  readonly products: readonly ProductId[];
  readonly steps: readonly JoinStep[];
  /** In the gateway's SQL: `FROM <this>`. */
  readonly sql: string;
  readonly notes: readonly string[];
}

export interface JoinPathResult {
  readonly from: ProductId;
  readonly to: ProductId;
  readonly maxHops: number;
  /** Best first. Empty when there is no path: `explanation` says why. */
  readonly paths: readonly JoinPath[];
  /** Several paths share the best rank: pick one knowingly. */
  readonly ambiguous: boolean;
  readonly explanation?: string;
}

export interface ColumnCompatibility {
  readonly binding: ColumnBinding;
  readonly logicalType?: string;
  readonly format?: string;
  readonly pattern?: string;
  readonly compatible: boolean;
  /** Why not, one reason per mismatch. */
  readonly reasons: readonly string[];
}

export interface IdentifierCompatibility {
  readonly term: string;
  readonly expected: { readonly logicalType: string; readonly format?: string; readonly pattern?: string };
  readonly compatible: boolean;
  readonly domains: readonly string[];
  readonly columns: readonly ColumnCompatibility[];
}
