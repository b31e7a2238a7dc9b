/**
 * Facets of a received event: every facet an object with `_producer` and `_schemaURL` URIs (and
 * `_deleted` a boolean where the spec has it), and the two facets the lineage graph reads —
 * `schema` and `columnLineage` — checked for what it reads, within the limits. Other facet
 * content is kept as received.
 */
import type { JsonValue } from '../metadata/canonical-json.js';
import { escape, invalid, LINEAGE_LIMITS, object, uri, type Json } from './json-checks.js';

/** A `facets` object: each facet an object with `_producer` and `_schemaURL` (and `_deleted` a boolean where allowed). */
export function facets(value: JsonValue | undefined, pointer: string, deletable: boolean): Json | undefined {
  if (value === undefined) return undefined;
  const all = object(value, pointer);
  const names = Object.keys(all);
  if (names.length > LINEAGE_LIMITS.maxFacets) {
    throw invalid(pointer, `has ${names.length} facets; at most ${LINEAGE_LIMITS.maxFacets} are accepted`);
  }
  for (const facetName of names) {
    const at = `${pointer}/${escape(facetName)}`;
    const facet = object(all[facetName], at);
    uri(facet._producer, `${at}/_producer`);
    uri(facet._schemaURL, `${at}/_schemaURL`);
    if (deletable && facet._deleted !== undefined && typeof facet._deleted !== 'boolean') {
      throw invalid(`${at}/_deleted`, 'must be a boolean');
    }
  }
  return all;
}

/** The `schema` facet as the graph reads it: fields with a name, nested fields counted too. */
export function schemaFacet(value: JsonValue | undefined, pointer: string): void {
  if (value === undefined) return;
  let count = 0;
  const fields = (list: JsonValue | undefined, at: string): void => {
    if (list === undefined) return;
    if (!Array.isArray(list)) throw invalid(at, 'must be an array of fields');
    list.forEach((item: JsonValue, i) => {
      const field = object(item, `${at}/${i}`);
      if (typeof field.name !== 'string')
        throw invalid(`${at}/${i}/name`, field.name === undefined ? 'is required' : 'must be a string');
      if (field.type !== undefined && typeof field.type !== 'string')
        throw invalid(`${at}/${i}/type`, 'must be a string');
      if (++count > LINEAGE_LIMITS.maxFields) throw invalid(at, `has more than ${LINEAGE_LIMITS.maxFields} fields`);
      fields(field.fields, `${at}/${i}/fields`);
    });
  };
  fields(object(value, pointer).fields, `${pointer}/fields`);
}

/** The `columnLineage` facet as the graph reads it: output fields → input fields naming dataset and field. */
export function columnLineageFacet(value: JsonValue | undefined, pointer: string): void {
  if (value === undefined) return;
  const facet = object(value, pointer);
  if (facet.fields === undefined) throw invalid(`${pointer}/fields`, 'is required');
  const fields = object(facet.fields, `${pointer}/fields`);
  const columns = Object.keys(fields);
  if (columns.length > LINEAGE_LIMITS.maxFields) {
    throw invalid(
      `${pointer}/fields`,
      `has ${columns.length} fields; at most ${LINEAGE_LIMITS.maxFields} are accepted`,
    );
  }
  let count = 0;
  const inputFields = (list: JsonValue | undefined, at: string) => {
    if (!Array.isArray(list))
      throw invalid(at, list === undefined ? 'is required' : 'must be an array of input fields');
    count += list.length;
    if (count > LINEAGE_LIMITS.maxInputFields)
      throw invalid(at, `more than ${LINEAGE_LIMITS.maxInputFields} input fields in all`);
    list.forEach((item: JsonValue, i) => {
      const field = object(item, `${at}/${i}`);
      for (const key of ['namespace', 'name', 'field']) {
        if (typeof field[key] !== 'string')
          throw invalid(`${at}/${i}/${key}`, field[key] === undefined ? 'is required' : 'must be a string');
      }
      if (field.transformations === undefined) return;
      if (!Array.isArray(field.transformations)) throw invalid(`${at}/${i}/transformations`, 'must be an array');
      field.transformations.forEach((t: JsonValue, j) => {
        const transformation = object(t, `${at}/${i}/transformations/${j}`);
        if (typeof transformation.type !== 'string') {
          throw invalid(
            `${at}/${i}/transformations/${j}/type`,
            transformation.type === undefined ? 'is required' : 'must be a string',
          );
        }
      });
    });
  };
  for (const column of columns) {
    const at = `${pointer}/fields/${escape(column)}`;
    inputFields(object(fields[column], at).inputFields, `${at}/inputFields`);
  }
  if (facet.dataset !== undefined) inputFields(facet.dataset, `${pointer}/dataset`);
}
