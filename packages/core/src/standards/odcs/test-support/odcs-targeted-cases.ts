/**
 * Exhaustive grids of small documents around the conditionals of ODCS: every logical type
 * with every options value and nesting, every quality rule, server, team shape, relationship
 * and metadata list of the pools, in each place they can appear, for both versions.
 */
import type { Json, JsonObject } from './json-tree.js';
import * as pools from './odcs-mutation-pools.js';

export interface TargetedCase {
  readonly description: string;
  readonly doc: Json;
}

const API_VERSIONS = ['v3.1.0', 'v3.0.2'];

function contract(apiVersion: string, extra: JsonObject): JsonObject {
  return { apiVersion, kind: 'DataContract', id: 'c-1', version: '1.0.0', status: 'active', ...extra };
}

/** `property` as a column of a table, and as the items of an array column. */
function inProperty(apiVersion: string, property: JsonObject): [string, JsonObject][] {
  return [
    ['column', contract(apiVersion, { schema: [{ name: 't', properties: [{ name: 'p', ...property }] }] })],
    [
      'array items',
      contract(apiVersion, {
        schema: [{ name: 't', properties: [{ name: 'a', logicalType: 'array', items: property }] }],
      }),
    ],
  ];
}

const withOptional = (key: string, value: Json | undefined): JsonObject =>
  value === undefined ? {} : { [key]: value };

export function targetedCases(): TargetedCase[] {
  const cases: TargetedCase[] = [];
  const add = (description: string, doc: Json) => cases.push({ description, doc });
  const logicalTypes = [...pools.logicalTypes, undefined];

  for (const apiVersion of API_VERSIONS) {
    const at = (what: string) => `${apiVersion} ${what}`;
    for (const logicalType of logicalTypes) {
      for (const options of [...pools.logicalTypeOptions, undefined]) {
        const property = {
          ...withOptional('logicalType', logicalType),
          ...withOptional('logicalTypeOptions', options),
        };
        for (const [place, doc] of inProperty(apiVersion, property))
          add(at(`${place} ${JSON.stringify(property)}`), doc);
      }
      for (const key of ['items', 'properties']) {
        for (const nested of pools.nesting) {
          const property = { ...withOptional('logicalType', logicalType), [key]: nested };
          for (const [place, doc] of inProperty(apiVersion, property))
            add(at(`${place} ${JSON.stringify(property)}`), doc);
        }
      }
    }
    for (const rule of [...pools.curatedQualityRules, ...pools.generatedQualityRules]) {
      add(
        at(`table quality ${JSON.stringify(rule)}`),
        contract(apiVersion, { schema: [{ name: 't', quality: [rule] }] }),
      );
      for (const [place, doc] of inProperty(apiVersion, { logicalType: 'string', quality: [rule] })) {
        add(at(`${place} quality ${JSON.stringify(rule)}`), doc);
      }
    }
    for (const server of pools.servers)
      add(at(`server ${JSON.stringify(server)}`), contract(apiVersion, { servers: [server] }));
    for (const team of pools.teams) add(at(`team ${JSON.stringify(team)}`), contract(apiVersion, { team }));
    for (const relationships of pools.relationships) {
      add(
        at(`table relationships ${JSON.stringify(relationships)}`),
        contract(apiVersion, { schema: [{ name: 't', relationships }] }),
      );
      for (const [place, doc] of inProperty(apiVersion, { relationships })) {
        add(at(`${place} relationships ${JSON.stringify(relationships)}`), doc);
      }
    }
    for (const [key, values] of [
      ['authoritativeDefinitions', pools.authoritativeDefinitions],
      ['customProperties', pools.customProperties],
    ] as const) {
      for (const value of values) {
        const json = JSON.stringify(value);
        add(at(`root ${key} ${json}`), contract(apiVersion, { [key]: value }));
        add(at(`description ${key} ${json}`), contract(apiVersion, { description: { [key]: value } }));
        add(at(`team member ${key} ${json}`), contract(apiVersion, { team: [{ username: 'u', [key]: value }] }));
        for (const [place, doc] of inProperty(apiVersion, { [key]: value })) add(at(`${place} ${key} ${json}`), doc);
      }
    }
    for (const key of ['support', 'price', 'slaProperties', 'roles', 'description', 'contractCreatedTs']) {
      for (const value of pools.rootValues)
        add(at(`${key} ${JSON.stringify(value)}`), contract(apiVersion, { [key]: value }));
    }
  }
  return cases;
}
