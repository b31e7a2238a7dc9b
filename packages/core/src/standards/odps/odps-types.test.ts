import { describe, expect, it } from 'vitest';
import type { OdpsV090Document, OdpsV090TeamMember } from './odps-v0-9-0-schema.js';
import type { OdpsV100Document, OdpsV100TeamMember } from './odps-v1-0-0-schema.js';
import { validateOdps } from './odps-validators.js';

// The schemas are the source of the model's types; these documents must type-check as written.
const v100: OdpsV100Document = {
  apiVersion: 'v1.0.0',
  kind: 'DataProduct',
  id: 'p1',
  status: 'active',
  inputPorts: [{ name: 'in', version: '1', contractId: 'c', tags: ['x'] }],
  outputPorts: [{ name: 'out', version: '1', sbom: [{ url: 'https://example.com/sbom' }] }],
  team: { name: 'Team', members: [{ username: 'ada', dateIn: '2024-01-01' }] },
  customProperties: [{ property: 'anything', value: { nested: [1, null] } }],
};
const v090: OdpsV090Document = {
  apiVersion: 'v0.9.0',
  kind: 'DataProduct',
  id: 'p1',
  status: 'draft',
  authoritativeDefinitions: [{ type: 'tutorial', url: 'https://example.com/t' }],
  team: [{ name: 'no username needed' }],
};

describe('ODPS static types', () => {
  it('describe documents the schemas accept', () => {
    expect(validateOdps(v100).issues).toEqual([]);
    expect(validateOdps(v090).issues).toEqual([]);
  });

  it('carry the differences between versions', () => {
    // @ts-expect-error a v1.0.0 team member needs a username
    const member: OdpsV100TeamMember = { name: 'Ada' };
    const legacy: OdpsV090TeamMember = { name: 'Ada' };
    // @ts-expect-error v0.9.0 authoritative definition types are a closed list
    const definition: NonNullable<OdpsV090Document['authoritativeDefinitions']>[number] = { type: 'wiki', url: 'u' };
    expect([member, legacy, definition]).toHaveLength(3);
  });
});
