/**
 * Exhaustive grids around the parts of the ODCS schemas whose structure differs most from
 * the official JSON Schemas (see CONTEXT.md): which keys a server, a quality rule or a
 * property admits depends on its `type` or `logicalType`. The official schemas say it with
 * conditionals and `unevaluatedProperties`; ours with `additionalProperties` and checks that
 * run when a key is present. Each grid crosses every type with every conditional key, and
 * each document is judged by both versions of both schemas.
 */
import { describe, expect, it } from 'vitest';
import { standardsDir } from '../../../../../test-support/standards.js';
import { validateOdcsV30x, validateOdcsV310 } from './odcs-validators.js';
import { odcsV30xServerDetails } from './odcs-v3-0-x-servers.js';
import { odcsV310ServerDetails } from './odcs-v3-1-0-servers.js';
import type { Json, JsonObject } from './test-support/json-tree.js';
import * as pools from './test-support/odcs-mutation-pools.js';
import { loadOfficialOdcs } from './test-support/official-odcs-schemas.js';

const contract = (apiVersion: string, extra: JsonObject): JsonObject => ({
  apiVersion,
  kind: 'DataContract',
  id: 'c-1',
  version: '1.0.0',
  status: 'active',
  ...extra,
});

/** Every subset of `keys`, the empty one first. */
function subsets<T>(keys: readonly T[]): T[][] {
  return keys.reduce<T[][]>((all, key) => [...all, ...all.map((subset) => [...subset, key])], [[]]);
}

describe.skipIf(!standardsDir)('ODCS conditional keys are judged like the official JSON Schemas judge them', () => {
  const official = loadOfficialOdcs();

  const mismatches = (cases: readonly { description: string; doc: Json }[]) =>
    cases.flatMap(({ description, doc }) => {
      const problems: string[] = [];
      const oursV310 = validateOdcsV310(doc).length === 0;
      const oursV30x = validateOdcsV30x(doc).length === 0;
      if (oursV310 !== official.v310(doc)) problems.push(`v3.1.0: official ${!oursV310}, ours ${oursV310}`);
      if (oursV30x !== official.v302(doc)) problems.push(`v3.0.x: official ${!oursV30x}, ours ${oursV30x}`);
      return problems.map((problem) => `${description} → ${problem}`);
    });

  /** Both versions accept and reject some of the cases: the grid is not vacuous. */
  const expectBothVerdicts = (cases: readonly { doc: Json }[]) => {
    for (const accepts of [official.v310, official.v302]) {
      const accepted = cases.filter(({ doc }) => accepts(doc)).length;
      expect(accepted).toBeGreaterThan(0);
      expect(accepted).toBeLessThan(cases.length);
    }
  };

  it('every server type with each detail key of every type, and without its required details', () => {
    const details: Record<string, { properties?: object; required?: string[] }> = {
      ...odcsV30xServerDetails,
      ...odcsV310ServerDetails,
    };
    const types = [...new Set([...Object.keys(odcsV30xServerDetails), ...Object.keys(odcsV310ServerDetails)])];
    const keys = [...new Set(Object.values(details).flatMap((d) => Object.keys(d.properties ?? {}))), 'extra'];
    const valueOf = (type: string | undefined, key: string): Json =>
      key === 'port'
        ? 5432
        : key === 'location' || key === 'stagingDir'
          ? `${type === 'sftp' ? 'sftp' : 's3'}://b/k`
          : 'x';
    const cases: { description: string; doc: Json }[] = [];
    for (const apiVersion of ['v3.1.0', 'v3.0.2']) {
      for (const type of [...types, 'bogus', undefined]) {
        const required = (type && details[type]?.required) || [];
        const base: JsonObject = {
          server: 's',
          ...(type === undefined ? {} : { type }),
          ...Object.fromEntries(required.map((key) => [key, valueOf(type, key)])),
        };
        const servers: [string, JsonObject][] = [['base', base]];
        for (const key of required) {
          const { [key]: _, ...without } = base;
          servers.push([`without ${key}`, without]);
        }
        for (const key of keys) {
          for (const value of [valueOf(type, key), 5432, 'not a uri', 'parquet', true]) {
            servers.push([`${key}: ${JSON.stringify(value)}`, { ...base, [key]: value }]);
          }
        }
        for (const [what, server] of servers) {
          cases.push({
            description: `${apiVersion} ${type ?? '(no type)'} server, ${what}`,
            doc: contract(apiVersion, { servers: [server] }),
          });
        }
      }
    }
    expect(mismatches(cases)).toEqual([]);
    expectBothVerdicts(cases);
  });

  it('every quality rule type with every combination of the keys that rule types add', () => {
    const extras: [string, Json[]][] = [
      ['metric', ['rowCount', 5]],
      ['rule', ['nullCheck']],
      ['arguments', [{ column: 'c' }]],
      ['query', ['SELECT 1']],
      ['engine', ['soda']],
      ['implementation', ['checks: []']],
      ['mustBe', [0]],
      ['mustBeGreaterThan', [1, 'x']],
    ];
    const cases: { description: string; doc: Json }[] = [];
    for (const apiVersion of ['v3.1.0', 'v3.0.2']) {
      for (const type of ['text', 'library', 'sql', 'custom', 'bogus', undefined]) {
        for (const subset of subsets(extras)) {
          // Each key with each of its values: the product of the value lists.
          const rules = subset.reduce<JsonObject[]>(
            (partial, [key, values]) => partial.flatMap((rule) => values.map((value) => ({ ...rule, [key]: value }))),
            [type === undefined ? {} : { type }],
          );
          for (const rule of rules) {
            cases.push({
              description: `${apiVersion} quality ${JSON.stringify(rule)}`,
              doc: contract(apiVersion, { schema: [{ name: 't', quality: [rule] }] }),
            });
          }
        }
      }
    }
    expect(mismatches(cases)).toEqual([]);
    expectBothVerdicts(cases);
  });

  it('each quality rule and server on its own, whatever the one before it in the list', () => {
    // Ajv keeps some state of an item's checks in variables of the enclosing function: a rule
    // once passed for valid because the rule before it was a custom one.
    const rules = [...pools.curatedQualityRules, ...pools.generatedQualityRules];
    const cases: { description: string; doc: Json }[] = [];
    for (const apiVersion of ['v3.1.0', 'v3.0.2']) {
      for (const first of rules) {
        for (const second of rules) {
          const quality = [first, second];
          cases.push({
            description: `${apiVersion} object quality ${JSON.stringify(quality)}`,
            doc: contract(apiVersion, { schema: [{ name: 't', quality }] }),
          });
          cases.push({
            description: `${apiVersion} property quality ${JSON.stringify(quality)}`,
            doc: contract(apiVersion, { schema: [{ name: 't', properties: [{ name: 'p', quality }] }] }),
          });
        }
      }
      for (const first of pools.servers) {
        for (const second of pools.servers) {
          const servers = [first, second];
          cases.push({
            description: `${apiVersion} servers ${JSON.stringify(servers)}`,
            doc: contract(apiVersion, { servers }),
          });
        }
      }
    }
    expect(mismatches(cases)).toEqual([]);
    expectBothVerdicts(cases);
  });

  it('every logical type with options, nested properties and items, as a column and as array items', () => {
    const logicalTypes = [
      ...['string', 'date', 'timestamp', 'time', 'number', 'integer', 'object', 'array', 'boolean'],
      ...['uuid', 5, undefined],
    ];
    const optionValues = [undefined, {}, { maxLength: 1 }, { format: 'x' }, { minimum: 0 }, { maxItems: 1 }, 's'];
    const cases: { description: string; doc: Json }[] = [];
    for (const apiVersion of ['v3.1.0', 'v3.0.2']) {
      for (const logicalType of logicalTypes) {
        for (const logicalTypeOptions of optionValues) {
          for (const properties of [undefined, [{ name: 'y' }], 'x']) {
            for (const items of [undefined, { logicalType: 'string' }, 'x']) {
              const property = Object.fromEntries(
                Object.entries({ logicalType, logicalTypeOptions, properties, items }).filter(
                  ([, v]) => v !== undefined,
                ),
              ) as JsonObject;
              const description = `${apiVersion} ${JSON.stringify(property)}`;
              cases.push({
                description: `${description} as a column`,
                doc: contract(apiVersion, { schema: [{ name: 't', properties: [{ name: 'p', ...property }] }] }),
              });
              cases.push({
                description: `${description} as array items`,
                doc: contract(apiVersion, {
                  schema: [{ name: 't', properties: [{ name: 'a', logicalType: 'array', items: property }] }],
                }),
              });
            }
          }
        }
      }
    }
    expect(mismatches(cases)).toEqual([]);
    expectBothVerdicts(cases);
  });
});
