/** A metric query and its plan: which products, which joins, the SQL for the governed gateway. */
import type { MetricAggregate } from '../glossary/glossary-schema.js';
import type { ProductId } from '../model/model-types.js';
import type { JoinQuality } from '../knowledge/knowledge-types.js';

export interface MetricQueryRequest {
  /** Name (`CustomerLifetimeValue`), kebab-case (`customer-lifetime-value`) or a synonym (`CLV`). */
  readonly metric: string;
  /** Dimensions: `Customer.segment` or the member alone (`segment`). */
  readonly by?: readonly string[];
  /** `<domain>.<product>` ids that settle an ambiguous choice of product or path. */
  readonly via?: readonly string[];
}

/** A column of a product port, as the gateway names it. */
export interface PlannedColumn {
  readonly productId: ProductId;
  readonly relation: string;
  readonly column: string;
}

export interface PlannedJoin {
  readonly term: string;
  /** `relation.column` on each side. */
  readonly left: string;
  readonly right: string;
  readonly quality: JoinQuality;
}

export interface PlannedDimension extends PlannedColumn {
  readonly term: string;
  /** Output column name. */
  readonly name: string;
  /** Joins from the measured product (or the per-grain values) to the dimension's product. */
  readonly joins: readonly PlannedJoin[];
  /** Every product that could provide the dimension, best first. */
  readonly candidates: readonly ProductId[];
}

export interface PlannedFilter extends PlannedColumn {
  readonly text: string;
  /** `rows`: filters the measured rows; `grain`: keeps grain instances with a matching row there. */
  readonly applies: 'rows' | 'grain';
  /** For `grain`: the column of the filter's product bound to the grain's identifier. */
  readonly joinColumn?: string;
}

export interface MetricPlan {
  readonly metric: string;
  readonly description: string;
  readonly grain: string;
  /** The grain identifier the per-grain step and the filters join on, e.g. `Customer.customer_id`. */
  readonly grainIdentifier?: string;
  readonly measure: PlannedColumn & {
    readonly aggregate: MetricAggregate;
    readonly rollup?: MetricAggregate;
    readonly grainColumn?: string;
  };
  readonly dimensions: readonly PlannedDimension[];
  readonly filters: readonly PlannedFilter[];
  /** Every product read, sorted. */
  readonly products: readonly ProductId[];
  /** Output columns: the dimensions, the metric, the number of grain instances. */
  readonly columns: readonly string[];
  readonly sql: string;
  /** The plan in sentences: products, join keys, filters, notes. */
  readonly explanation: readonly string[];
}

export interface MetricSummary {
  readonly name: string;
  readonly description: string;
  readonly synonyms: readonly string[];
  readonly grain: string;
  readonly measure: string;
  readonly dimensions: readonly string[];
  readonly filters: readonly string[];
  /** Whether the definition is structured enough to plan. */
  readonly plannable: boolean;
  readonly file: string;
}
