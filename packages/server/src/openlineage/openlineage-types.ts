/**
 * The OpenLineage run events Meshwork sends (spec 2-0-2), as plain JSON: what the builders
 * return and the sender serialises. Only the shapes Meshwork fills are typed; facets are
 * JSON objects that always carry `_producer` and `_schemaURL`.
 */
import type { JsonValue } from '../metadata/canonical-json.js';

export const RUN_EVENT_SCHEMA_URL = 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent';

export type RunEventType = 'START' | 'RUNNING' | 'COMPLETE' | 'ABORT' | 'FAIL' | 'OTHER';

export interface Facet {
  readonly _producer: string;
  readonly _schemaURL: string;
  readonly [field: string]: JsonValue;
}

export type Facets = { readonly [name: string]: Facet };

export interface OpenLineageDataset {
  readonly namespace: string;
  readonly name: string;
  readonly facets?: Facets;
}

export interface OpenLineageRunEvent {
  readonly eventType: RunEventType;
  readonly eventTime: string;
  readonly producer: string;
  readonly schemaURL: string;
  readonly run: { readonly runId: string; readonly facets?: Facets };
  readonly job: { readonly namespace: string; readonly name: string; readonly facets?: Facets };
  readonly inputs: readonly OpenLineageDataset[];
  readonly outputs: readonly OpenLineageDataset[];
}
