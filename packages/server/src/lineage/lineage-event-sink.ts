/**
 * The seam between OpenLineage intake (openlineage/) and the lineage graph (lineage/): an
 * accepted, validated event reduced to what the graph merges.
 */
import type { JsonValue } from '../metadata/canonical-json.js';

export interface AcceptedDataset {
  readonly namespace: string;
  readonly name: string;
  /** The dataset's facets as received (the graph reads `columnLineage` and `schema`). */
  readonly facets?: { readonly [facet: string]: JsonValue };
}

export interface AcceptedLineageEvent {
  /** Meshwork's id of the stored event. */
  readonly id: string;
  readonly eventType: string;
  readonly eventTime: string;
  readonly job?: { readonly namespace: string; readonly name: string };
  readonly runId?: string;
  readonly inputs: readonly AcceptedDataset[];
  readonly outputs: readonly AcceptedDataset[];
}

export interface LineageEventSink {
  /** Merges the event's datasets and edges into the in-memory graph; never throws for event content. */
  mergeEvent(event: AcceptedLineageEvent): void;
}
