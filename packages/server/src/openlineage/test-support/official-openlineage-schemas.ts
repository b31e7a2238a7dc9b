/**
 * The official OpenLineage JSON Schemas (fixtures, tests only): OpenLineage.json and every
 * facets/*.json, compiled with Ajv's draft 2020-12 build and ajv-formats, each added by its `$id`
 * so the facets' cross-file `$ref`s resolve. `officialProblems` judges a whole event: the event
 * against OpenLineage.json, and every facet against the schema its `_schemaURL` names.
 */
import { readdirSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { readStandardJson, standardsDir } from '../../../../../test-support/standards.js';

// ajv-formats is CommonJS; its default export arrives wrapped under some loaders.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as unknown as (
  ajv: Ajv2020,
) => Ajv2020;

const SPEC = 'openlineage/spec';
const EVENT_SCHEMA_ID = 'https://openlineage.io/spec/2-0-2/OpenLineage.json';

let shared: Ajv2020 | undefined;

function officialAjv(): Ajv2020 {
  if (shared) return shared;
  if (!standardsDir) throw new Error('standards fixtures are not available');
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(readStandardJson(`${SPEC}/OpenLineage.json`) as object);
  for (const file of readdirSync(`${standardsDir}/${SPEC}/facets`).sort()) {
    ajv.addSchema(readStandardJson(`${SPEC}/facets/${file}`) as object);
  }
  shared = ajv;
  return ajv;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Every facet of the event with where it sits, e.g. `/outputs/0/facets/schema` (whatever the event's shape). */
function facetsOf(event: unknown): { pointer: string; facet: Json }[] {
  const found: { pointer: string; facet: Json }[] = [];
  if (!isObject(event)) return found;
  const collect = (facets: unknown, pointer: string) => {
    if (!isObject(facets)) return;
    for (const [name, facet] of Object.entries(facets))
      if (isObject(facet)) found.push({ pointer: `${pointer}/${name}`, facet });
  };
  if (isObject(event.run)) collect(event.run.facets, '/run/facets');
  if (isObject(event.job)) collect(event.job.facets, '/job/facets');
  for (const side of ['inputs', 'outputs'] as const) {
    const datasets = event[side];
    if (!Array.isArray(datasets)) continue;
    datasets.forEach((dataset: unknown, i) => {
      if (!isObject(dataset)) return;
      for (const key of ['facets', 'inputFacets', 'outputFacets']) collect(dataset[key], `/${side}/${i}/${key}`);
    });
  }
  return found;
}

/**
 * What the official schemas find wrong with an event, as `pointer: message` lines (empty when
 * valid). `facets: 'own-schemas'` (for what Meshwork emits) also validates every facet against
 * the schema its `_schemaURL` names, which must exist; `'event-only'` (for what others send)
 * judges the event by OpenLineage.json alone, as the spec's event schema does.
 */
export function officialProblems(event: unknown, facets: 'own-schemas' | 'event-only' = 'own-schemas'): string[] {
  const ajv = officialAjv();
  const validateEvent = ajv.getSchema(EVENT_SCHEMA_ID)!;
  const problems: string[] = [];
  if (!validateEvent(event)) {
    problems.push(...(validateEvent.errors ?? []).map((e) => `${e.instancePath || '/'}: ${e.message ?? e.keyword}`));
  }
  if (facets === 'event-only') return problems;
  for (const { pointer, facet } of facetsOf(event)) {
    const url = facet._schemaURL;
    const validateFacet = typeof url === 'string' ? ajv.getSchema(url) : undefined;
    if (!validateFacet) {
      problems.push(`${pointer}: _schemaURL ${String(url)} names no official facet schema`);
      continue;
    }
    if (!validateFacet(facet)) {
      problems.push(
        ...(validateFacet.errors ?? []).map((e) => `${pointer}${e.instancePath}: ${e.message ?? e.keyword}`),
      );
    }
  }
  return problems;
}
