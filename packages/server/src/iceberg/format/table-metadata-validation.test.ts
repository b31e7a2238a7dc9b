/**
 * The validator against the Iceberg project's own table-metadata fixtures (read from
 * shared/standards, never copied): the valid ones pass, each broken one fails naming its field.
 */
import { describe, expect, it } from 'vitest';
import { readStandard, standardsDir } from '../../../../../test-support/standards.js';
import { parseIcebergJson, stringifyIcebergJson } from '../iceberg-json.js';
import { decodeTableMetadata, encodeTableMetadata } from './table-metadata-json.js';
import { tableMetadataProblems } from './table-metadata-validation.js';

const fixture = (name: string) => readStandard(`iceberg/table-metadata/${name}.json`);

describe.skipIf(!standardsDir)('table metadata validation against the Iceberg fixtures', () => {
  it('accepts the valid v2 fixtures', () => {
    for (const name of ['TableMetadataV2Valid', 'TableMetadataV2ValidMinimal']) {
      expect(tableMetadataProblems(parseIcebergJson(fixture(name))), name).toEqual([]);
    }
  });

  it('refuses each broken fixture, naming the field at fault', () => {
    const cases: [string, RegExp][] = [
      ['TableMetadataV2MissingLastPartitionId', /missing required field last-partition-id/],
      ['TableMetadataV2MissingPartitionSpecs', /missing required field partition-specs/],
      ['TableMetadataV2MissingSchemas', /missing required field schemas/],
      ['TableMetadataV2MissingSortOrder', /missing required field sort-orders/],
      ['TableMetadataV2CurrentSchemaNotFound', /current-schema-id 2 names no schema in schemas/],
    ];
    for (const [name, problem] of cases) {
      const problems = tableMetadataProblems(parseIcebergJson(fixture(name)));
      expect(problems, name).toContainEqual(expect.stringMatching(problem));
      expect(() => decodeTableMetadata(fixture(name), `${name}.json`), name).toThrow(
        expect.objectContaining({ code: 'MW8203', message: expect.stringContaining(`${name}.json`) }),
      );
    }
  });

  it('keeps the fixtures’ 64-bit snapshot ids exact through a parse and write round trip', () => {
    const text = fixture('TableMetadataV2Valid');
    const metadata = decodeTableMetadata(text, 'TableMetadataV2Valid.json');
    expect(metadata['current-snapshot-id']).toBe(3055729675574597004n);
    expect(metadata.snapshots?.map((s) => [s['snapshot-id'], s['parent-snapshot-id']])).toEqual([
      [3051729675574597004n, undefined],
      [3055729675574597004n, 3051729675574597004n],
    ]);
    const written = encodeTableMetadata(metadata);
    expect(written).toContain('"current-snapshot-id": 3055729675574597004');
    expect(written).toContain('"parent-snapshot-id": 3051729675574597004');
    expect(decodeTableMetadata(written, 'round trip')).toEqual(metadata);
    // Without the bigint step, JSON.parse would have rounded them.
    expect(String(JSON.parse(text)['current-snapshot-id'])).not.toBe('3055729675574597004');
    const rewritten = stringifyIcebergJson(parseIcebergJson(text));
    expect(rewritten).toContain('"snapshot-id":3051729675574597004');
    expect(parseIcebergJson(rewritten)).toEqual(parseIcebergJson(text));
  });

  it('checks snapshots, refs and logs as the spec describes them', () => {
    const valid = parseIcebergJson(fixture('TableMetadataV2Valid')) as Record<string, unknown>;
    const broken = {
      ...valid,
      'format-version': 3,
      'last-sequence-number': 0,
      snapshots: [{ 'snapshot-id': 1, 'sequence-number': 1, 'timestamp-ms': 1, summary: { operation: 'upsert' } }],
      'current-snapshot-id': 2,
      refs: { main: { 'snapshot-id': 1, type: 'trunk' } },
      'snapshot-log': [{ 'snapshot-id': 1 }],
    };
    expect(tableMetadataProblems(broken)).toEqual(
      expect.arrayContaining([
        'format-version must be the integer 2',
        'snapshots[0] is missing manifest-list (a location)',
        'snapshots[0].summary.operation must be append, replace, overwrite or delete',
        'current-snapshot-id 2 names no snapshot in snapshots',
        'last-sequence-number is below the highest snapshot sequence-number 1',
        'refs.main.type must be branch or tag',
        'snapshot-log[0] needs timestamp-ms and snapshot-id',
      ]),
    );
    expect(tableMetadataProblems([])).toEqual(['table metadata is not a JSON object']);
  });
});
