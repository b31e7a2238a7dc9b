/** Principals from mesh.yaml: teams from both sides of membership, service accounts, kinds. */
import { describe, expect, it } from 'vitest';
import { resolvePrincipal } from './resolve-principal.js';
import { meshModel } from './test-support/identity-fixtures.js';

const model = meshModel();

describe('resolvePrincipal', () => {
  it("joins a user's own teams with the teams that list it as a member", () => {
    expect(resolvePrincipal(model, 'alice')).toEqual({
      kind: 'user',
      id: 'alice',
      name: 'Alice',
      email: 'alice@example.com',
      teams: ['finance', 'sales'],
      groups: ['analysts'],
      roles: ['consumer'],
      attributes: { region: 'EU', level: 3, contractor: false },
      authenticatedBy: 'local',
    });
    expect(resolvePrincipal(model, 'bob', { authenticatedBy: 'token:x' })).toEqual({
      kind: 'user',
      id: 'bob',
      name: 'Bob',
      teams: [],
      groups: [],
      roles: ['owner'],
      attributes: {},
      authenticatedBy: 'token:x',
    });
  });

  it('makes service accounts kind service with their one team', () => {
    expect(resolvePrincipal(model, 'etl-bot')).toEqual({
      kind: 'service',
      id: 'etl-bot',
      name: 'etl-bot',
      teams: ['platform'],
      groups: [],
      roles: ['producer'],
      attributes: {},
      authenticatedBy: 'local',
    });
  });

  it('returns undefined for unknown ids and for the wrong kind, and freezes what it returns', () => {
    expect(resolvePrincipal(model, 'mallory')).toBeUndefined();
    expect(resolvePrincipal(model, 'etl-bot', { kind: 'user' })).toBeUndefined();
    expect(resolvePrincipal(model, 'alice', { kind: 'service' })).toBeUndefined();
    const alice = resolvePrincipal(model, 'alice', { kind: 'user' })!;
    expect(Object.isFrozen(alice) && Object.isFrozen(alice.teams) && Object.isFrozen(alice.attributes)).toBe(true);
    expect(() => (alice.teams as string[]).push('admins')).toThrow();
  });
});
