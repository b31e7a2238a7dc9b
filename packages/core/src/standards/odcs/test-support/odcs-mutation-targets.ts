/** Where targeted mutations act and what they write there. */
import type { Json, Path } from './json-tree.js';
import * as pools from './odcs-mutation-pools.js';

const isRoot = (path: Path) => path.length === 0;
const isSchemaObject = (path: Path) => path.length === 2 && path[0] === 'schema';
const isProperty = (path: Path) =>
  path[0] === 'schema' &&
  path.length > 2 &&
  (path[path.length - 1] === 'items' || (path[path.length - 2] === 'properties' && typeof path.at(-1) === 'number'));
const isElement = (path: Path) => isSchemaObject(path) || isProperty(path);

interface Target {
  readonly weight: number;
  readonly where: (path: Path) => boolean;
  readonly keys: readonly string[];
  readonly values: readonly (Json | undefined)[];
}

/** Mutations aimed at the conditionals of the standard; `undefined` deletes the key. */
export const targets = {
  'api-version': {
    weight: 1,
    where: isRoot,
    keys: ['apiVersion'],
    values: ['v3.1.0', 'v3.0.2', 'v3.0.1', 'v3.0.0', 'v2.2.2', 'v2.2.0', 'v3.2.0', '3.1.0', undefined],
  },
  'logical-type': { weight: 3, where: isProperty, keys: ['logicalType'], values: [...pools.logicalTypes, undefined] },
  'logical-type-options': {
    weight: 3,
    where: isProperty,
    keys: ['logicalTypeOptions'],
    values: [...pools.logicalTypeOptions, undefined],
  },
  nesting: { weight: 2, where: isProperty, keys: ['items', 'properties'], values: [...pools.nesting, undefined] },
  'append-quality': {
    weight: 3,
    where: isElement,
    keys: ['quality'],
    values: [...pools.curatedQualityRules, ...pools.generatedQualityRules],
  },
  'quality-field': {
    weight: 2,
    where: (path) => path.at(-2) === 'quality' && typeof path.at(-1) === 'number',
    keys: ['type', 'metric', 'rule', 'query', 'engine', 'implementation', 'mustBe', 'mustBeLessThan', 'arguments'],
    values: ['library', 'sql', 'custom', 'text', 'rowCount', 'bogus', 5, { a: 1 }, [0, 1], undefined],
  },
  'append-server': { weight: 2, where: isRoot, keys: ['servers'], values: pools.servers },
  'server-field': {
    weight: 2,
    where: (path) => path.length === 2 && path[0] === 'servers',
    keys: pools.serverKeys,
    values: [...pools.serverValues, undefined],
  },
  team: { weight: 1, where: isRoot, keys: ['team'], values: [...pools.teams, undefined] },
  relationships: { weight: 2, where: isElement, keys: ['relationships'], values: pools.relationships },
  'authoritative-definitions': {
    weight: 2,
    where: () => true,
    keys: ['authoritativeDefinitions'],
    values: pools.authoritativeDefinitions,
  },
  'custom-properties': { weight: 2, where: () => true, keys: ['customProperties'], values: pools.customProperties },
  id: { weight: 1, where: (path) => !isRoot(path), keys: ['id'], values: ['ok_1', 'bad id', '', 5] },
  'root-field': {
    weight: 2,
    where: isRoot,
    keys: ['support', 'price', 'slaProperties', 'roles', 'description', 'contractCreatedTs', 'kind', 'tags'],
    values: pools.rootValues,
  },
} satisfies Record<string, Target>;
