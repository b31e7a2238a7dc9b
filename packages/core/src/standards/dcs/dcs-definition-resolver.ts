/**
 * Resolves a field's `$ref` to the definition it names and merges the two: the definition
 * supplies defaults, the field's own members win. Only references into the same document
 * (`#/definitions/...` or any `#/...` pointer) can be resolved by a pure function; others are
 * reported and kept as an authoritative definition link.
 */
import type { ConversionContext } from './dcs-conversion-context.js';
import {
  childPointer,
  customProperty,
  isObject,
  isString,
  type CustomProperty,
  type JsonObject,
} from './dcs-values.js';

export interface ResolvedField {
  /** The field with the definition merged in and `$ref` removed. */
  readonly field: JsonObject;
  /** Provenance and definition-only metadata, as custom properties of the property. */
  readonly customProperties: CustomProperty[];
  /** A reference that could not be resolved here, to be kept as a link. */
  readonly unresolvedRef?: string;
}

/** Members a definition may carry that describe the definition rather than the field. */
const DEFINITION_METADATA: Readonly<Record<string, string>> = {
  domain: 'domain',
  name: 'definitionName',
  id: 'definitionId',
};

export function resolveField(field: JsonObject, pointer: string, context: ConversionContext): ResolvedField {
  const seen = new Set<string>();
  const customProperties: CustomProperty[] = [];
  let current = field;
  // Follow chains of references (a definition may itself use $ref) until a plain field remains.
  while (Object.hasOwn(current, '$ref')) {
    const { $ref: ref, ...own } = current;
    if (!isString(ref)) {
      context.report(
        'MW5112',
        'warning',
        childPointer(pointer, '$ref'),
        '"$ref" should be a string; it was kept as a custom property',
      );
      return { field: own, customProperties: [...customProperties, customProperty('$ref', ref)] };
    }
    if (seen.has(ref)) {
      context.report('MW5107', 'warning', childPointer(pointer, '$ref'), `"${ref}" refers back to itself`);
      return { field: own, customProperties: [...customProperties, customProperty('definition', ref)] };
    }
    seen.add(ref);
    if (!ref.startsWith('#')) {
      context.report(
        'MW5106',
        'warning',
        childPointer(pointer, '$ref'),
        `"${ref}" points outside this file and cannot be inlined; it is kept as an authoritative definition`,
      );
      return { field: own, customProperties, unresolvedRef: ref };
    }
    const target = lookUp(context.source, ref);
    if (!isObject(target)) {
      context.report(
        'MW5106',
        'warning',
        childPointer(pointer, '$ref'),
        `"${ref}" does not name a definition in this file`,
      );
      return { field: own, customProperties: [...customProperties, customProperty('definition', ref)] };
    }
    const definitionName = /^#\/definitions\/([^/]+)$/.exec(ref)?.[1];
    if (definitionName !== undefined) context.usedDefinitions.add(unescape(definitionName));
    customProperties.push(customProperty('definition', ref));
    const definition: JsonObject = {};
    for (const [key, value] of Object.entries(target)) {
      const metadataName = DEFINITION_METADATA[key];
      if (metadataName !== undefined) customProperties.push(customProperty(metadataName, value));
      else definition[key] = value;
    }
    // The field's own members win; the definition's values they replace are kept too.
    for (const [key, value] of Object.entries(own)) {
      if (Object.hasOwn(definition, key) && !sameJson(definition[key], value)) {
        customProperties.push(
          customProperty(`definition${key.charAt(0).toUpperCase()}${key.slice(1)}`, definition[key]),
        );
      }
    }
    current = { ...definition, ...own };
  }
  return { field: current, customProperties };
}

function lookUp(source: JsonObject, ref: string): unknown {
  const path = ref.replace(/^#\/?/, '');
  if (path === '') return source;
  let node: unknown = source;
  for (const segment of path.split('/').map(unescape)) {
    if (Array.isArray(node) && /^\d+$/.test(segment)) node = node[Number(segment)];
    else if (isObject(node) && Object.hasOwn(node, segment)) node = node[segment];
    else return undefined;
  }
  return node;
}

function unescape(segment: string): string {
  let decoded = segment;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    // Not percent-encoded after all; use it as written.
  }
  return decoded.replace(/~1/g, '/').replace(/~0/g, '~');
}

function sameJson(a: unknown, b: unknown): boolean {
  try {
    return JSON.stringify(a) === JSON.stringify(b);
  } catch {
    // Cyclic values (possible through YAML aliases) are never treated as equal.
    return false;
  }
}
