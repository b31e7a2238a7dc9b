import { describe, expect, it } from 'vitest';
import { ODPS_API_VERSIONS, validateOdps } from './odps-validators.js';
import type { Json } from './test-support/json-mutations.js';
import { asStrictOdpsV090, completeOdpsV100 } from './test-support/odps-fixtures.js';

type Doc = Record<string, Json>;
const v100 = (change: (doc: Doc) => void = () => {}): Doc => {
  const doc = completeOdpsV100() as Doc;
  change(doc);
  return doc;
};
const v090 = (change: (doc: Doc) => void = () => {}): Doc => {
  const doc = asStrictOdpsV090(completeOdpsV100()) as Doc;
  change(doc);
  return doc;
};
const at = (doc: Doc, path: string): Doc =>
  path.split('.').reduce<Json>((node, key) => (node as Doc)[key]!, doc) as Doc;

describe('validateOdps', () => {
  it('accepts complete v1.0.0 and v0.9.0 products', () => {
    expect(validateOdps(v100())).toEqual({ version: 'v1.0.0', issues: [] });
    expect(validateOdps(v090())).toEqual({ version: 'v0.9.0', issues: [] });
  });

  it('accepts a v0.9.0 product written in v1.0.0 structure, as the standard’s examples are', () => {
    expect(validateOdps(v100((d) => (d.apiVersion = 'v0.9.0')))).toEqual({ version: 'v0.9.0', issues: [] });
  });

  it.each([
    ['missing', v100((d) => delete d.apiVersion)],
    ['unknown', v100((d) => (d.apiVersion = 'v2.0.0'))],
    ['not a string', v100((d) => (d.apiVersion = 1))],
    ['on a non-object', 'apiVersion: v1.0.0' as unknown as Doc],
  ])('reports an apiVersion that is %s once, naming the supported versions', (_case, doc) => {
    const result = validateOdps(doc);
    expect(result.version).toBeUndefined();
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]).toMatchObject({ pointer: '/apiVersion', keyword: 'apiVersion' });
    for (const version of ODPS_API_VERSIONS) expect(result.issues[0]!.message).toContain(version);
  });

  it.each([
    ['a missing id', v100((d) => delete d.id), { pointer: '', keyword: 'required', key: 'id' }],
    ['a missing status', v090((d) => delete d.status), { pointer: '', keyword: 'required', key: 'status' }],
    ['an unknown top-level key', v100((d) => (d.owner = 'me')), { pointer: '/owner', keyword: 'additionalProperties' }],
    ['a kind other than DataProduct', v100((d) => (d.kind = 'DataContract')), { pointer: '/kind', keyword: 'enum' }],
    [
      'an input port without contractId',
      v100((d) => delete at(d, 'inputPorts.0').contractId),
      { pointer: '/inputPorts/0', keyword: 'required', key: 'contractId' },
    ],
    [
      'a malformed creation timestamp',
      v100((d) => (d.productCreatedTs = '2023-01-15 10:30')),
      { pointer: '/productCreatedTs', keyword: 'format' },
    ],
    [
      'a support channel whose url is not a URI',
      v100((d) => (at(d, 'support.0').url = 'chat room 4')),
      { pointer: '/support/0/url', keyword: 'format' },
    ],
    [
      'a v1.0.0 team given as a list of members',
      v100((d) => (d.team = [{ username: 'ada' }])),
      { pointer: '/team', keyword: 'type' },
    ],
    [
      'a v1.0.0 team member without username',
      v100((d) => delete at(d, 'team.members.0').username),
      { pointer: '/team/members/0', keyword: 'required', key: 'username' },
    ],
    [
      'a member joining on an impossible date',
      v100((d) => (at(d, 'team.members.0').dateIn = '2023-02-30')),
      { pointer: '/team/members/0/dateIn', keyword: 'format' },
    ],
  ])('rejects %s', (_case, doc, expected) => {
    expect(validateOdps(doc).issues).toContainEqual(expect.objectContaining(expected));
  });

  it('reports v0.9.0 issues for a product in v0.9.0 structure', () => {
    const doc = v090((d) => {
      at(d, 'inputPorts.0').tags = ['x'];
      at(d, 'authoritativeDefinitions.0').type = 'wiki';
      d.team = { name: 'Orders team' };
    });
    // With a team object this is v1.0.0 structure, which allows all three.
    expect(validateOdps(doc).issues).toEqual([]);
    const strict = v090((d) => {
      at(d, 'inputPorts.0').tags = ['x'];
      at(d, 'authoritativeDefinitions.0').type = 'wiki';
      d.team = [{ name: 'no username' }, { username: 'u', dateIn: 'soon' }];
    });
    expect(validateOdps(strict).issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ pointer: '/inputPorts/0/tags', keyword: 'additionalProperties' }),
        expect.objectContaining({ pointer: '/authoritativeDefinitions/0/type', keyword: 'enum' }),
        expect.objectContaining({ pointer: '/team/1/dateIn', keyword: 'format' }),
      ]),
    );
  });
});

describe('validateOdps on a v0.9.0 product invalid under both schemas', () => {
  it('reports the v1.0.0 issues when the product has a team object', () => {
    const doc = v100((d) => {
      d.apiVersion = 'v0.9.0';
      delete at(d, 'outputPorts.0').version;
    });
    expect(validateOdps(doc).issues).toEqual([
      { pointer: '/outputPorts/0', keyword: 'required', key: 'version', message: 'missing required field "version"' },
    ]);
  });
});
