/**
 * Meshwork's own validation of received OpenLineage events, judged against the official JSON
 * Schemas (fixtures): the official full example and every official facet example (placed where
 * its kind says) are accepted; a grid of mutations of a valid event gets the same verdict from
 * both, except where Meshwork is stricter on purpose (empty names, limits); and each refusal
 * names the JSON pointer of the field at fault.
 */
import { describe, expect, it } from 'vitest';
import { readStandardJson, standardFiles, standardsDir } from '../../../../test-support/standards.js';
import { LINEAGE_LIMITS, validateLineageEvent } from './lineage-event-validation.js';
import { officialProblems } from './test-support/official-openlineage-schemas.js';

type Json = Record<string, unknown>;

const facet = (extra: Json = {}) => ({
  _producer: 'https://example.com/p',
  _schemaURL: 'https://example.com/s#/x',
  ...extra,
});

function validEvent(): Json {
  return {
    eventType: 'COMPLETE',
    eventTime: '2026-03-01T02:00:07.123456+01:00',
    producer: 'https://github.com/OpenLineage/OpenLineage/tree/1.30.0/integration/airflow',
    schemaURL: 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent',
    run: { runId: '0190a3c4-5b6d-7e8f-9a0b-1c2d3e4f5a6b', facets: { x: facet() } },
    job: { namespace: 'airflow', name: 'etl.load_orders', facets: { x: facet({ _deleted: false }) } },
    inputs: [
      {
        namespace: 'postgres://db:5432',
        name: 'shop.public.orders',
        facets: { x: facet() },
        inputFacets: { x: facet() },
      },
    ],
    outputs: [
      {
        namespace: 'meshwork://acme',
        name: 'sales.orders.orders_v1',
        facets: {
          x: facet(),
          schema: facet({ fields: [{ name: 'id', type: 'VARCHAR' }] }),
          columnLineage: facet({
            fields: {
              id: { inputFields: [{ namespace: 'postgres://db:5432', name: 'shop.public.orders', field: 'id' }] },
            },
          }),
        },
        outputFacets: { x: facet() },
      },
    ],
  };
}

const verdict = (event: unknown): string | undefined => {
  try {
    validateLineageEvent(event);
    return undefined;
  } catch (error) {
    expect(error).toMatchObject({ code: 'MW8851' });
    return (error as Error).message;
  }
};

function mutate(event: Json, path: readonly string[], value: unknown): Json {
  const copy = structuredClone(event);
  let node = copy as Record<string, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
  const last = path.at(-1)!;
  // Removing an array item leaves no hole: a JSON body cannot have one.
  if (value === undefined && Array.isArray(node)) node.splice(Number(last), 1);
  else if (value === undefined) delete node[last];
  else node[last] = value;
  return copy;
}

describe('validateLineageEvent', () => {
  it('accepts a full run event and reduces it to what the graph merges', () => {
    const accepted = validateLineageEvent(validEvent());
    expect(accepted).toMatchObject({
      kind: 'run',
      eventType: 'COMPLETE',
      eventTime: '2026-03-01T02:00:07.123456+01:00',
      job: { namespace: 'airflow', name: 'etl.load_orders' },
      runId: '0190a3c4-5b6d-7e8f-9a0b-1c2d3e4f5a6b',
      inputs: [{ namespace: 'postgres://db:5432', name: 'shop.public.orders' }],
      outputs: [
        { namespace: 'meshwork://acme', name: 'sales.orders.orders_v1', facets: { schema: expect.any(Object) } },
      ],
    });
  });

  it('accepts job and dataset events', () => {
    const { run: _run, eventType: _type, ...job } = validEvent();
    expect(validateLineageEvent(job)).toMatchObject({
      kind: 'job',
      eventType: 'JOB',
      job: { name: 'etl.load_orders' },
    });
    const dataset = {
      ...job,
      job: undefined,
      inputs: undefined,
      outputs: undefined,
      dataset: { namespace: 'file', name: '/x.csv' },
    };
    expect(validateLineageEvent(JSON.parse(JSON.stringify(dataset)))).toMatchObject({
      kind: 'dataset',
      eventType: 'DATASET',
      inputs: [],
      outputs: [{ namespace: 'file', name: '/x.csv' }],
    });
  });

  it('a run event without eventType is accepted as OTHER, as the spec allows', () => {
    expect(validateLineageEvent(mutate(validEvent(), ['eventType'], undefined)).eventType).toBe('OTHER');
  });

  it.each([
    [['run', 'runId'], 'not-a-uuid', '/run/runId: must be a UUID'],
    [['run', 'runId'], undefined, '/run/runId: is required'],
    [['eventTime'], '2026-03-01T02:00:07', '/eventTime: must be an RFC 3339 date-time with a time zone'],
    [['eventTime'], '2026-02-30T02:00:07Z', '/eventTime: must be an RFC 3339 date-time'],
    [['producer'], 'airflow', '/producer: must be a URI'],
    [['schemaURL'], undefined, '/schemaURL: is required'],
    [['eventType'], 'DONE', '/eventType: must be one of START, RUNNING, COMPLETE, ABORT, FAIL, OTHER'],
    [['job'], undefined, '/job: is required in a run event'],
    [['job', 'name'], 7, '/job/name: must be a string'],
    [['job', 'facets', 'x', '_deleted'], 'yes', '/job/facets/x/_deleted: must be a boolean'],
    [['inputs'], {}, '/inputs: must be an array of datasets'],
    [['inputs', '0', 'namespace'], undefined, '/inputs/0/namespace: is required'],
    [['outputs', '0', 'outputFacets', 'x', '_producer'], undefined, '/outputs/0/outputFacets/x/_producer: is required'],
    [['run', 'facets', 'x'], 'text', '/run/facets/x: must be an object'],
  ] as const)('refuses %j = %j naming the field: %s', (path, value, message) => {
    const event = mutate(validEvent(), path, value);
    expect(verdict(event)).toMatch(new RegExp(`^${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    if (standardsDir) expect(officialProblems(event, 'event-only')).not.toEqual([]);
  });

  it('refuses what the graph could not read in the facets it merges, naming the field', () => {
    const badSchema = mutate(validEvent(), ['outputs', '0', 'facets', 'schema', 'fields'], [{ type: 'INT' }]);
    expect(verdict(badSchema)).toBe('/outputs/0/facets/schema/fields/0/name: is required');
    const badLineage = mutate(validEvent(), ['outputs', '0', 'facets', 'columnLineage', 'fields', 'id'], {
      inputFields: [{ name: 'x', field: 'y' }],
    });
    expect(verdict(badLineage)).toBe('/outputs/0/facets/columnLineage/fields/id/inputFields/0/namespace: is required');
  });

  it('refuses events past its limits: names, datasets, facets, nesting', () => {
    expect(verdict(mutate(validEvent(), ['job', 'name'], 'x'.repeat(LINEAGE_LIMITS.maxNameLength + 1)))).toMatch(
      /^\/job\/name: is 2001 characters long; at most 2000/,
    );
    expect(verdict(mutate(validEvent(), ['job', 'namespace'], ' '))).toBe('/job/namespace: must not be empty');
    const many = Array.from({ length: LINEAGE_LIMITS.maxDatasets + 1 }, (_, i) => ({
      namespace: 'file',
      name: `/f${i}`,
    }));
    expect(verdict(mutate(validEvent(), ['inputs'], many))).toMatch(/^\/inputs: has 1001 datasets/);
    const facets = Object.fromEntries(
      Array.from({ length: LINEAGE_LIMITS.maxFacets + 1 }, (_, i) => [`f${i}`, facet()]),
    );
    expect(verdict(mutate(validEvent(), ['run', 'facets'], facets))).toMatch(/^\/run\/facets: has 101 facets/);
    let deep: unknown = 'bottom';
    for (let i = 0; i < 200; i++) deep = [deep];
    expect(verdict(mutate(validEvent(), ['run', 'facets', 'x', 'deep'], deep))).toMatch(
      /^\/: is nested more than 64 levels/,
    );
  });

  it('refuses a body that is no event at all', () => {
    expect(verdict([])).toBe('/: must be an object');
    expect(verdict({ eventTime: '2026-03-01T00:00:00Z', producer: 'urn:x', schemaURL: 'urn:y' })).toMatch(
      /^\/: must be a run event \(with run and job\), a job event \(with job\) or a dataset event/,
    );
  });
});

describe.skipIf(!standardsDir)('against the official OpenLineage schemas', () => {
  it('accepts the official full example event', () => {
    const example = readStandardJson('openlineage/spec/tests/example_full_event.json');
    expect(officialProblems(example, 'event-only')).toEqual([]);
    expect(validateLineageEvent(example)).toMatchObject({
      kind: 'run',
      eventType: 'COMPLETE',
      job: { namespace: 'food_delivery', name: 'dbt' },
      runId: 'f69a6e9b-9bac-3c9a-9cf6-eacb70ecc9a9',
    });
  });

  it('accepts every official facet example, placed in an event where its kind says', () => {
    const files = standardFiles('openlineage/spec/tests', /\.json$/).filter(
      (f) => !f.endsWith('example_full_event.json'),
    );
    expect(files.length).toBeGreaterThan(40);
    for (const file of files) {
      const folder = file.split('/').at(-2)!;
      const facets = readStandardJson(file) as Json;
      const schemaUrl = String((Object.values(facets)[0] as Json)._schemaURL);
      const event = validEvent() as Json & { run: Json; job: Json; inputs: Json[]; outputs: Json[] };
      if (folder.endsWith('RunFacet')) event.run.facets = facets;
      else if (folder.endsWith('JobFacet') || schemaUrl.endsWith('LineageJobFacet')) event.job.facets = facets;
      else if (folder.endsWith('InputDatasetFacet') || schemaUrl.includes('InputSubset'))
        event.inputs[0]!.inputFacets = facets;
      else if (folder.endsWith('OutputDatasetFacet')) event.outputs[0]!.outputFacets = facets;
      else event.outputs[0]!.facets = facets;
      expect(officialProblems(event, 'event-only'), file).toEqual([]);
      expect(verdict(event), file).toBeUndefined();
    }
  });

  it('gives the official verdict on a grid of mutations of a valid event, stricter only on empty names', () => {
    const paths = [
      ['eventTime'],
      ['producer'],
      ['schemaURL'],
      ['eventType'],
      ['run'],
      ['run', 'runId'],
      ['run', 'facets'],
      ['run', 'facets', 'x'],
      ['run', 'facets', 'x', '_producer'],
      ['run', 'facets', 'x', '_schemaURL'],
      ['job'],
      ['job', 'namespace'],
      ['job', 'name'],
      ['job', 'facets'],
      ['job', 'facets', 'x', '_deleted'],
      ['inputs'],
      ['inputs', '0'],
      ['inputs', '0', 'namespace'],
      ['inputs', '0', 'name'],
      ['inputs', '0', 'facets', 'x'],
      ['inputs', '0', 'facets', 'x', '_deleted'],
      ['inputs', '0', 'inputFacets'],
      ['inputs', '0', 'inputFacets', 'x', '_producer'],
      ['outputs'],
      ['outputs', '0', 'name'],
      ['outputs', '0', 'facets', 'x', '_schemaURL'],
      ['outputs', '0', 'outputFacets', 'x'],
      ['dataset'],
    ];
    const values: unknown[] = [
      undefined,
      null,
      0,
      true,
      'text',
      '',
      [],
      {},
      'urn:uuid:0190a3c4-5b6d-7e8f-9a0b-1c2d3e4f5a6b',
      '0190A3C4-5B6D-7E8F-9A0B-1C2D3E4F5A6B',
      'https://example.com/a b',
      'http://123',
      '2026-03-01T25:00:00Z',
      '2026-03-01t02:00:00z',
      '2026-03-01 02:00:00+05:30',
      'START',
      { namespace: 'n', name: 'm' },
    ];
    const disagreements: string[] = [];
    for (const path of paths) {
      for (const value of values) {
        const event = mutate(validEvent(), path, value);
        const ours = verdict(event);
        const official = officialProblems(event, 'event-only');
        if ((ours === undefined) === (official.length === 0)) continue;
        // Stricter on purpose: an empty namespace, name or URI names nothing.
        if (ours?.endsWith(': must not be empty')) continue;
        disagreements.push(
          `${path.join('/')} = ${JSON.stringify(value)}: ours ${ours ?? 'accepts'}, official ${official[0] ?? 'accepts'}`,
        );
      }
    }
    expect(disagreements).toEqual([]);
  });
});
