/**
 * API tokens end to end on real SQLite and PostgreSQL: created once, stored as a hash only,
 * scoped, expiring, revoked at once, refused with codes that do not tell which tokens exist.
 */
import { describe, expect, it } from 'vitest';
import { manualClock } from '../metadata/test-support/conformance-harness.js';
import { meshModel, meshModelWithout } from './test-support/identity-fixtures.js';
import { storeBackends } from './test-support/store-backends.js';
import { parseToken } from './token-format.js';
import { createTokenService } from './token-service.js';

const backends = storeBackends();
const model = meshModel();

describe.each(backends)('API tokens on $name', (backend) => {
  const test = it.skipIf(!backend.available);

  test('creates a token once, authenticates it as its principal with its scopes', async () => {
    const { store } = await backend.open();
    const tokens = createTokenService({ store, model });
    const { token, record } = await tokens.create('alice', {
      scopes: ['query', 'discover'],
      expiresIn: '30d',
      description: 'BI dashboard',
      createdBy: 'olga',
    });
    expect(token).toMatch(/^mwt_[a-z2-7]{16}_[A-Za-z0-9_-]{43}$/);
    expect(parseToken(token)?.id).toBe(record.id);
    expect(record).toMatchObject({
      principalId: 'alice',
      principalKind: 'user',
      scopes: ['discover', 'query'],
      description: 'BI dashboard',
      createdBy: 'olga',
      revokedAt: null,
    });
    expect(Date.parse(record.expiresAt) - Date.parse(record.createdAt)).toBe(30 * 86_400_000);

    const principal = await tokens.authenticate(token);
    expect(principal).toEqual({
      kind: 'user',
      id: 'alice',
      name: 'Alice',
      email: 'alice@example.com',
      teams: ['finance', 'sales'],
      groups: ['analysts'],
      roles: ['consumer'],
      attributes: { region: 'EU', level: 3, contractor: false },
      scopes: ['discover', 'query'],
      authenticatedBy: `token:${record.id}`,
    });
    expect(Object.isFrozen(principal) && Object.isFrozen(principal.scopes)).toBe(true);

    const service = await tokens.create('etl-bot', { createdBy: 'olga' });
    const bot = await tokens.authenticate(service.token);
    expect(bot).toMatchObject({ kind: 'service', id: 'etl-bot', teams: ['platform'], roles: ['producer'] });
    expect(bot.scopes).toBeUndefined();
    expect(Date.parse(service.record.expiresAt) - Date.parse(service.record.createdAt)).toBe(90 * 86_400_000);
  });

  test('stores only the hash: no row or audit event contains the secret or the token', async () => {
    const { store, dump } = await backend.open();
    const tokens = createTokenService({ store, model });
    const created = [];
    for (const id of ['alice', 'bob', 'etl-bot']) created.push(await tokens.create(id, { createdBy: 'olga' }));
    await tokens.revoke(created[1]!.record.id, 'olga');
    const rows = await dump('api_tokens');
    const audit = await dump('audit_events');
    for (const { token } of created) {
      const secret = parseToken(token)!.secret;
      expect(rows).not.toContain(secret);
      expect(audit).not.toContain(secret);
      expect(audit).not.toContain(token);
    }
    expect(JSON.parse(rows)).toHaveLength(3);
    const events = await store.listAudit();
    expect(events.items.map((e) => [e.action, e.actor, e.resource])).toEqual([
      ['token.created', 'olga', `urn:meshwork:token:${created[0]!.record.id}`],
      ['token.created', 'olga', `urn:meshwork:token:${created[1]!.record.id}`],
      ['token.created', 'olga', `urn:meshwork:token:${created[2]!.record.id}`],
      ['token.revoked', 'olga', `urn:meshwork:token:${created[1]!.record.id}`],
    ]);
    expect(events.items[0]!.details).toMatchObject({ principalId: 'alice', principalKind: 'user', scopes: null });
  });

  test('refuses tampered, unknown and malformed tokens without telling which tokens exist', async () => {
    const { store } = await backend.open();
    const tokens = createTokenService({ store, model });
    const { token } = await tokens.create('alice', { createdBy: 'olga' });
    const { id, secret } = parseToken(token)!;
    const flip = (text: string, at: number) => text.slice(0, at) + (text[at] === 'A' ? 'B' : 'A') + text.slice(at + 1);
    const unknownId = `mwt_${id.startsWith('a') ? 'b' : 'a'}${id.slice(1)}_${secret}`;
    const wrongSecret = `mwt_${id}_${flip(secret, 20)}`;
    const failures = await Promise.all(
      [unknownId, wrongSecret, `mwt_${id}_${flip(secret, 0)}`].map((t) => tokens.authenticate(t).catch((e) => e)),
    );
    for (const failure of failures) {
      expect(failure).toMatchObject({
        kind: 'unauthenticated',
        code: 'MW5203',
        message: 'the API token is not valid.',
      });
    }
    for (const malformed of [
      '',
      token.slice(0, -1),
      `${token}x`,
      token.replace('mwt_', 'mwx_'),
      token.toUpperCase(),
      `mwt_${id}`,
      `mwt_${id}_${secret}_${secret}`,
    ]) {
      await expect(tokens.authenticate(malformed), malformed).rejects.toMatchObject({ code: 'MW5202' });
    }
    await expect(tokens.authenticate(token)).resolves.toMatchObject({ id: 'alice' });
  });

  test('expires tokens by the clock, and records last use at most once a minute', async () => {
    const clock = manualClock('2025-01-01T00:00:00.000Z');
    const { store } = await backend.open({ now: clock.now });
    const tokens = createTokenService({ store, model, now: clock.now });
    const { token, record } = await tokens.create('bob', { expiresIn: '12h', createdBy: 'olga' });
    expect(record.expiresAt).toBe('2025-01-01T12:00:00.000Z');

    clock.set('2025-01-01T01:00:00.000Z');
    await tokens.authenticate(token);
    expect((await store.getToken(record.id))?.lastUsedAt).toBe('2025-01-01T01:00:00.000Z');
    clock.set('2025-01-01T01:00:59.000Z');
    await tokens.authenticate(token);
    expect((await store.getToken(record.id))?.lastUsedAt).toBe('2025-01-01T01:00:00.000Z');
    clock.set('2025-01-01T01:01:00.000Z');
    await tokens.authenticate(token);
    expect((await store.getToken(record.id))?.lastUsedAt).toBe('2025-01-01T01:01:00.000Z');

    clock.set('2025-01-01T11:59:59.999Z');
    await expect(tokens.authenticate(token)).resolves.toMatchObject({ id: 'bob' });
    clock.set('2025-01-01T12:00:00.000Z');
    await expect(tokens.authenticate(token)).rejects.toMatchObject({
      code: 'MW5204',
      message: `API token ${record.id} expired at 2025-01-01T12:00:00.000Z.`,
    });
    expect((await store.listTokens()).items).toEqual([]);
    expect((await store.listTokens({ includeExpired: true })).items.map((t) => t.id)).toEqual([record.id]);
  });

  test('revocation takes effect at once, also on another server sharing the store', async () => {
    const { store, reopen } = await backend.open();
    const other = createTokenService({ store: await reopen(), model });
    const tokens = createTokenService({ store, model });
    const { token, record } = await tokens.create('alice', { createdBy: 'olga' });
    await expect(other.authenticate(token)).resolves.toMatchObject({ id: 'alice' });

    const revoked = await tokens.revoke(record.id, 'olga');
    expect(revoked).toMatchObject({ alreadyRevoked: false, record: { revokedBy: 'olga' } });
    await expect(other.authenticate(token)).rejects.toMatchObject({ code: 'MW5205' });
    await expect(tokens.authenticate(token)).rejects.toMatchObject({ code: 'MW5205' });

    const again = await tokens.revoke(record.id, 'mallory');
    expect(again).toEqual({ alreadyRevoked: true, record: revoked.record });
    await expect(tokens.revoke('zzzzzzzzzzzzzzzz', 'olga')).rejects.toMatchObject({ code: 'MW5224' });
    await expect(tokens.revoke('not an id', 'olga')).rejects.toMatchObject({ code: 'MW5224' });
    expect((await store.listAudit()).items.filter((e) => e.action === 'token.revoked')).toHaveLength(1);
  });

  test('refuses a token whose principal left mesh.yaml', async () => {
    const { store } = await backend.open();
    const { token, record } = await createTokenService({ store, model }).create('bob', { createdBy: 'olga' });
    const later = createTokenService({ store, model: meshModelWithout('bob') });
    await expect(later.authenticate(token)).rejects.toMatchObject({
      code: 'MW5206',
      message: `the user "bob" of API token ${record.id} is no longer declared in mesh.yaml.`,
    });
  });

  test('refuses unknown principals, scopes and lifetimes with clear codes', async () => {
    const { store } = await backend.open();
    const tokens = createTokenService({ store, model });
    await expect(tokens.create('mallory', { createdBy: 'olga' })).rejects.toMatchObject({
      code: 'MW5220',
      message: expect.stringContaining('declared: alice, bob, etl-bot'),
    });
    await expect(tokens.create('alice', { scopes: ['root'], createdBy: 'olga' })).rejects.toMatchObject({
      code: 'MW5221',
    });
    for (const bad of ['30', 'd', '0d', '-1d', '1y', '1.5d', 'forever']) {
      await expect(tokens.create('alice', { expiresIn: bad, createdBy: 'olga' }), bad).rejects.toMatchObject({
        code: 'MW5222',
      });
    }
    await expect(tokens.create('alice', { expiresIn: '366d', createdBy: 'olga' })).rejects.toMatchObject({
      code: 'MW5223',
    });
    await expect(tokens.create('alice', { expiresIn: '365d', createdBy: 'olga' })).resolves.toBeDefined();

    const strict = createTokenService({ store, model: meshModel('identity:\n  tokens: { maxTtlDays: 30 }\n') });
    await expect(strict.create('alice', { expiresIn: '31d', createdBy: 'olga' })).rejects.toMatchObject({
      code: 'MW5223',
      message: expect.stringContaining('maximum of 30 days'),
    });
    const { record } = await strict.create('alice', { createdBy: 'olga' });
    expect(Date.parse(record.expiresAt) - Date.parse(record.createdAt)).toBe(30 * 86_400_000);
    expect(() =>
      createTokenService({ store, model: meshModel('identity:\n  tokens: { maxTtlDays: 30, defaultTtlDays: 60 }\n') }),
    ).toThrow(expect.objectContaining({ code: 'MW5211' }));
    expect((await store.listTokens()).items).toHaveLength(2);
  });
});
