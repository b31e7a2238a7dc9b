/**
 * Facet constructors: each facet carries `_producer` (Meshwork) and `_schemaURL` — the `$id` of
 * the facet's JSON Schema (the version Meshwork writes) and the pointer to its definition — so a
 * consumer can validate it. The versions are those of the OpenLineage spec Meshwork targets
 * (tests validate every emitted facet against exactly the schema its `_schemaURL` names).
 */
import type { JsonValue } from '../metadata/canonical-json.js';
import type { Facet } from './openlineage-types.js';

/** Meshwork's version, as the processing engine and in the producer URI. */
export const MESHWORK_VERSION = '0.1.0';

/** Identifies Meshwork as the producer of events and facets (a URI, as the spec requires). */
export const MESHWORK_PRODUCER = `urn:meshwork:platform:${MESHWORK_VERSION}`;

/** Facet name → [schema `$id`, definition name]. */
const FACET_SCHEMAS = {
  schema: ['facets/1-2-0/SchemaDatasetFacet.json', 'SchemaDatasetFacet'],
  dataSource: ['facets/1-0-1/DatasourceDatasetFacet.json', 'DatasourceDatasetFacet'],
  columnLineage: ['facets/1-2-0/ColumnLineageDatasetFacet.json', 'ColumnLineageDatasetFacet'],
  dataQualityAssertions: ['facets/1-1-0/DataQualityAssertionsDatasetFacet.json', 'DataQualityAssertionsDatasetFacet'],
  datasetOwnership: ['facets/1-0-1/OwnershipDatasetFacet.json', 'OwnershipDatasetFacet'],
  datasetDocumentation: ['facets/1-1-0/DocumentationDatasetFacet.json', 'DocumentationDatasetFacet'],
  version: ['facets/1-0-1/DatasetVersionDatasetFacet.json', 'DatasetVersionDatasetFacet'],
  jobDocumentation: ['facets/1-1-0/DocumentationJobFacet.json', 'DocumentationJobFacet'],
  jobOwnership: ['facets/1-0-1/OwnershipJobFacet.json', 'OwnershipJobFacet'],
  jobType: ['facets/2-0-4/JobTypeJobFacet.json', 'JobTypeJobFacet'],
  sourceCode: ['facets/1-0-1/SourceCodeJobFacet.json', 'SourceCodeJobFacet'],
  nominalTime: ['facets/1-0-1/NominalTimeRunFacet.json', 'NominalTimeRunFacet'],
  processingEngine: ['facets/1-1-1/ProcessingEngineRunFacet.json', 'ProcessingEngineRunFacet'],
  errorMessage: ['facets/1-0-1/ErrorMessageRunFacet.json', 'ErrorMessageRunFacet'],
} as const;

export type FacetKind = keyof typeof FACET_SCHEMAS;

export function facetSchemaUrl(kind: FacetKind): string {
  const [file, definition] = FACET_SCHEMAS[kind];
  return `https://openlineage.io/spec/${file}#/$defs/${definition}`;
}

/** A facet of `kind` with the given fields (undefined fields are left out). */
export function facet(kind: FacetKind, fields: { readonly [field: string]: JsonValue | undefined }): Facet {
  const defined = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as {
    [field: string]: JsonValue;
  };
  return { _producer: MESHWORK_PRODUCER, _schemaURL: facetSchemaUrl(kind), ...defined };
}

/** An owner of a job or dataset, as the spec recommends: a URN such as `team:sales-data`. */
export function teamOwners(team: string | undefined): JsonValue | undefined {
  return team === undefined ? undefined : [{ name: `team:${team}`, type: 'OWNER' }];
}
