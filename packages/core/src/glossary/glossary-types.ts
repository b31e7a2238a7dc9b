/**
 * The glossary as it lives in the mesh model: every entity, term and metric of every
 * `glossary/*.yaml`, by name. Each concept carries its URN, the IRI that contracts bind to
 * and that an RDF export will use as the subject.
 */
import type { Cardinality, MetricAggregate } from './glossary-schema.js';

export interface GlossaryIdentifier {
  readonly name: string;
  /** ODCS logical type, e.g. `string`. */
  readonly logicalType: string;
  /** ODCS `logicalTypeOptions.format` bound columns must declare, e.g. `uuid`. */
  readonly format?: string;
  /** ODCS `logicalTypeOptions.pattern` bound columns must declare and their values match. */
  readonly pattern?: string;
  readonly description?: string;
}

export interface GlossaryAttribute {
  readonly name: string;
  readonly logicalType: string;
  readonly format?: string;
  readonly description?: string;
}

export interface GlossaryRelation {
  readonly name: string;
  /** Name of the entity at the other end. */
  readonly target: string;
  readonly cardinality: Cardinality;
  readonly description?: string;
}

interface GlossaryConcept {
  readonly name: string;
  /** `urn:meshwork:glossary:<name>`. */
  readonly urn: string;
  readonly description: string;
  readonly synonyms: readonly string[];
  /** The glossary file that defines it. */
  readonly file: string;
}

export interface GlossaryEntity extends GlossaryConcept {
  readonly identifiers: readonly GlossaryIdentifier[];
  readonly attributes: readonly GlossaryAttribute[];
  readonly relations: readonly GlossaryRelation[];
}

export type GlossaryTerm = GlossaryConcept;

export interface GlossaryMetric extends GlossaryConcept {
  /** The measure as text: as written, or rendered from a structured one (`sum(sales.orders.orders.gross_amount)`). */
  readonly measure: string;
  /** Entity name. */
  readonly grain: string;
  /** `Entity.member` names. */
  readonly dimensions: readonly string[];
  /** The filters as text (rendered when structured). */
  readonly filters: readonly string[];
  /** The structured definition the metrics layer plans; absent when the measure is only text. */
  readonly spec?: MetricSpec;
}

/** A metric the planner can turn into SQL (docs/reference/glossary.md, "metrics[]"). */
export interface MetricSpec {
  readonly aggregate: MetricAggregate;
  /** `<domain>.<product>.<port>.<column>` or a term id; absent for `count` of rows. */
  readonly of?: string;
  readonly rollup?: MetricAggregate;
  /** For `share`: the value whose share is measured. */
  readonly equals?: string | number | boolean;
  /** Dimension term → the `<domain>.<product>` pinned to provide it. */
  readonly sources: ReadonlyMap<string, string>;
  readonly filters: readonly MetricFilter[];
  /** Filters written as text: the metric is not plannable while there are any. */
  readonly textFilters: readonly string[];
}

export interface MetricFilter {
  readonly column: string;
  readonly op: 'in' | 'not_in';
  readonly values: readonly (string | number | boolean)[];
}

export interface Glossary {
  /** Sorted by name. */
  readonly entities: ReadonlyMap<string, GlossaryEntity>;
  readonly terms: ReadonlyMap<string, GlossaryTerm>;
  readonly metrics: ReadonlyMap<string, GlossaryMetric>;
  /** Workspace paths of the glossary files read, sorted. */
  readonly files: readonly string[];
}
