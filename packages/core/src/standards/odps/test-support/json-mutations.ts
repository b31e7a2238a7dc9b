/**
 * Deterministic structural mutations of JSON documents, for tests that compare two validators
 * (or check that a converter never throws) on many near-valid inputs. A mutation is plain data
 * (`kind` plus two numbers that pick the target and the replacement), so fast-check can
 * generate and shrink it and a failure names exactly what was changed.
 */
import fc from 'fast-check';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export const MUTATION_KINDS = [
  'deleteKey',
  'addUnknownKey',
  'addKnownKey',
  'replaceWithOtherType',
  'oddString',
  'emptyContainer',
  'dropArrayItem',
  'duplicateArrayItem',
  'wrapInArray',
] as const;

export type MutationKind = (typeof MUTATION_KINDS)[number];

export interface Mutation {
  readonly kind: MutationKind;
  readonly target: number;
  readonly pick: number;
}

export interface MutationPools {
  /** Key names that are meaningful somewhere in the document's schema. */
  readonly knownKeys: readonly string[];
  /** Values to put under those keys. */
  readonly knownValues: readonly Json[];
  /** Strings that are empty, outside enums, malformed formats… */
  readonly oddStrings: readonly string[];
}

const OTHER_TYPES: readonly Json[] = [0, 1.5, -7, true, false, null, [], {}, 'text', ['a'], { k: 'v' }];

export const DEFAULT_ODD_STRINGS: readonly string[] = [
  '',
  ' ',
  'not a uri',
  'http://',
  'https://example.com/ok',
  'mailto:someone@example.com',
  'relative/path',
  'https://example.com/{model}',
  '2023-02-30',
  '2023-13-01',
  '2023-01-15',
  '2023-01-15T25:00:00Z',
  '2023-01-15T10:30:00Z',
  'v0.9.0',
  'v1.0.0',
  'v2.0.0',
  'DataProduct',
  'dataproduct',
  'businessDefinition',
  'data_dictionary',
  'ü∂',
  '0',
];

/** One or two mutations, generated from a fixed seed by the caller. */
export const mutationsArbitrary: fc.Arbitrary<Mutation[]> = fc.array(
  fc.record({ kind: fc.constantFrom(...MUTATION_KINDS), target: fc.nat(), pick: fc.nat() }),
  { minLength: 1, maxLength: 2 },
);

type Path = readonly (string | number)[];

/** Applies the mutations in order to a copy of `doc`; returns the copy and what was done. */
export function applyMutations(
  doc: Json,
  mutations: readonly Mutation[],
  pools: MutationPools,
): { doc: Json; description: string } {
  let current = structuredClone(doc);
  const done: string[] = [];
  for (const mutation of mutations) {
    const result = applyMutation(current, mutation, pools);
    current = result.doc;
    done.push(result.description);
  }
  return { doc: current, description: done.join('; ') };
}

function applyMutation(doc: Json, m: Mutation, pools: MutationPools): { doc: Json; description: string } {
  const nodes = collect(doc);
  const objects = nodes.filter((n) => isObject(n.value));
  const arrays = nodes.filter((n) => Array.isArray(n.value));
  const nonRoot = nodes.filter((n) => n.path.length > 0);
  const strings = nodes.filter((n) => typeof n.value === 'string');
  const pickOf = <T>(list: readonly T[], n: number): T | undefined => list[n % Math.max(list.length, 1)];

  switch (m.kind) {
    case 'deleteKey': {
      const keyed = objects.flatMap((o) => Object.keys(o.value as object).map((k) => [...o.path, k]));
      const path = pickOf(keyed, m.target);
      if (!path) break;
      return { doc: remove(doc, path), description: `delete ${pointer(path)}` };
    }
    case 'addUnknownKey':
    case 'addKnownKey': {
      const object = pickOf(objects, m.target);
      if (!object) break;
      const known = m.kind === 'addKnownKey';
      const key = known ? pickOf(pools.knownKeys, m.pick) : `unknownKey${m.pick % 3}`;
      const value = known ? pickOf(pools.knownValues, Math.floor(m.pick / 7)) : 'x';
      if (key === undefined || value === undefined) break;
      const path = [...object.path, key];
      return { doc: set(doc, path, value), description: `set ${pointer(path)} = ${JSON.stringify(value)}` };
    }
    case 'replaceWithOtherType': {
      const node = pickOf(nonRoot, m.target);
      if (!node) break;
      const others = OTHER_TYPES.filter((v) => jsonType(v) !== jsonType(node.value));
      const value = pickOf(others, m.pick)!;
      return {
        doc: set(doc, node.path, value),
        description: `replace ${pointer(node.path)} with ${JSON.stringify(value)}`,
      };
    }
    case 'oddString': {
      // Mostly strings, sometimes any node, so that an enum key can receive a string.
      const node = m.pick % 4 === 0 ? pickOf(nonRoot, m.target) : pickOf(strings, m.target);
      const value = pickOf(pools.oddStrings, Math.floor(m.pick / 4));
      if (!node || value === undefined) break;
      return { doc: set(doc, node.path, value), description: `set ${pointer(node.path)} = ${JSON.stringify(value)}` };
    }
    case 'emptyContainer': {
      const node = pickOf([...objects, ...arrays], m.target);
      if (!node) break;
      const value: Json = Array.isArray(node.value) ? [] : {};
      return { doc: set(doc, node.path, value), description: `empty ${pointer(node.path)}` };
    }
    case 'dropArrayItem':
    case 'duplicateArrayItem': {
      const array = pickOf(
        arrays.filter((a) => (a.value as Json[]).length > 0),
        m.target,
      );
      if (!array) break;
      const items = [...(array.value as Json[])];
      const index = m.pick % items.length;
      if (m.kind === 'dropArrayItem') items.splice(index, 1);
      else items.splice(index, 0, structuredClone(items[index]!));
      const verb = m.kind === 'dropArrayItem' ? 'drop' : 'duplicate';
      return { doc: set(doc, array.path, items), description: `${verb} ${pointer([...array.path, index])}` };
    }
    case 'wrapInArray': {
      const node = pickOf(nonRoot, m.target);
      if (!node) break;
      return { doc: set(doc, node.path, [node.value]), description: `wrap ${pointer(node.path)} in an array` };
    }
  }
  return { doc, description: `${m.kind} (no target)` };
}

interface Node {
  readonly path: Path;
  readonly value: Json;
}

function collect(value: Json, path: Path = [], out: Node[] = []): Node[] {
  out.push({ path, value });
  if (Array.isArray(value)) value.forEach((item, i) => collect(item, [...path, i], out));
  else if (isObject(value)) for (const [k, v] of Object.entries(value)) collect(v, [...path, k], out);
  return out;
}

function set(doc: Json, path: Path, value: Json): Json {
  if (path.length === 0) return value;
  const parent = get(doc, path.slice(0, -1)) as Record<string | number, Json>;
  parent[path[path.length - 1]!] = value;
  return doc;
}

/** Deletes an object key, or (with `arrayItems`) splices out an array item. */
function remove(doc: Json, path: Path, arrayItems = false): Json {
  const parent = get(doc, path.slice(0, -1));
  const last = path[path.length - 1]!;
  if (Array.isArray(parent)) {
    if (arrayItems) parent.splice(Number(last), 1);
  } else delete (parent as Record<string, Json>)[last];
  return doc;
}

function get(doc: Json, path: Path): Json {
  let current: Json = doc;
  for (const segment of path) current = (current as Record<string | number, Json>)[segment]!;
  return current;
}

function isObject(value: Json): value is { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function jsonType(value: Json): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function pointer(path: Path): string {
  return path.length === 0
    ? '(root)'
    : `/${path.map((s) => String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`;
}

/**
 * Every single-step mutation of `doc`: each key deleted, each node replaced by each value of
 * another type and by each odd string, each known key added to each object with each known
 * value. Exhaustive where the random compound mutations are a sample.
 */
export function* everySingleMutation(doc: Json, pools: MutationPools): Generator<{ doc: Json; description: string }> {
  const nodes = collect(doc);
  for (const node of nodes) {
    if (node.path.length === 0) continue;
    yield { doc: remove(structuredClone(doc), node.path, true), description: `delete ${pointer(node.path)}` };
    for (const value of [...OTHER_TYPES, ...pools.oddStrings]) {
      yield {
        doc: set(structuredClone(doc), node.path, value),
        description: `set ${pointer(node.path)} = ${JSON.stringify(value)}`,
      };
    }
  }
  for (const node of nodes) {
    if (!isObject(node.value)) continue;
    for (const key of [...pools.knownKeys, 'unknownKey']) {
      for (const value of pools.knownValues) {
        const path = [...node.path, key];
        yield {
          doc: set(structuredClone(doc), path, value),
          description: `set ${pointer(path)} = ${JSON.stringify(value)}`,
        };
      }
    }
  }
}
