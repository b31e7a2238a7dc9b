/**
 * The bearer hook over real HTTP: no credentials → no principal (and 401 MW5201 under /api/v1),
 * bad credentials → 401 with the error body and `WWW-Authenticate: Bearer`, good ones → the
 * principal; and nothing of the credential in the logs, even at trace level.
 */
import { Writable } from 'node:stream';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleHttpError } from '../http/http-errors.js';
import { currentPrincipal } from '../http/request-principal.js';
import { createMetadataStore } from '../metadata/create-metadata-store.js';
import type { MetadataStore } from '../metadata/metadata-store.js';
import { createAuthenticator, type Authenticator } from './authenticator.js';
import { installHttpAuth } from './http-auth.js';
import { meshModel } from './test-support/identity-fixtures.js';
import { parseToken } from './token-format.js';

let store: MetadataStore;
let authenticator: Authenticator;
let app: FastifyInstance;
let url: string;
let logs = '';

beforeAll(async () => {
  store = await createMetadataStore({ kind: 'sqlite', path: ':memory:' });
  authenticator = createAuthenticator({ store, model: meshModel(), root: '.' });
  const stream = new Writable({
    write(chunk, _encoding, done) {
      logs += String(chunk);
      done();
    },
  });
  app = Fastify({ logger: { level: 'trace', stream } });
  app.setErrorHandler(handleHttpError);
  installHttpAuth(app, authenticator);
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/public/whoami', async (request) => ({ principal: currentPrincipal(request) ?? null }));
  app.get('/api/v1/whoami', async (request) => ({ principal: currentPrincipal(request) ?? null }));
  url = await app.listen({ port: 0, host: '127.0.0.1' });
});

afterAll(async () => {
  await app?.close();
  await store?.close();
});

async function call(path: string, authorization?: string) {
  const response = await fetch(`${url}${path}`, { headers: authorization ? { authorization } : {} });
  return {
    status: response.status,
    challenge: response.headers.get('www-authenticate'),
    body: (await response.json()) as { error?: { code: string; message: string }; principal?: unknown },
  };
}

describe('HTTP bearer authentication', () => {
  it('leaves open routes open and refuses /api/v1 without credentials', async () => {
    expect(await call('/healthz')).toMatchObject({ status: 200, challenge: null, body: { status: 'ok' } });
    expect(await call('/public/whoami')).toMatchObject({ status: 200, body: { principal: null } });
    for (const path of ['/api/v1/whoami', '/api/v1/whoami?debug=1', '/api/v1/nothing-here', '/api/v1']) {
      const response = await call(path);
      expect(response, path).toMatchObject({
        status: 401,
        challenge: 'Bearer realm="meshwork"',
        body: { error: { code: 'MW5201' } },
      });
    }
  });

  it('sets the principal of a valid token, with its scopes', async () => {
    const { token, record } = await authenticator.tokens.create('alice', { scopes: ['query'], createdBy: 'test' });
    for (const header of [`Bearer ${token}`, `bearer ${token}`, `Bearer  ${token} `]) {
      expect(await call('/api/v1/whoami', header)).toMatchObject({
        status: 200,
        body: { principal: { id: 'alice', scopes: ['query'], authenticatedBy: `token:${record.id}` } },
      });
    }
    expect((await call('/public/whoami', `Bearer ${token}`)).body).toMatchObject({ principal: { id: 'alice' } });
  });

  it('answers 401 with a code and a Bearer challenge for bad credentials, everywhere', async () => {
    const { token, record } = await authenticator.tokens.create('bob', { createdBy: 'test' });
    const { id, secret } = parseToken(token)!;
    const wrong = `mwt_${id}_${secret.slice(0, -2)}${secret.endsWith('AA') ? 'BB' : 'AA'}`;
    for (const path of ['/api/v1/whoami', '/healthz']) {
      const response = await call(path, `Bearer ${wrong}`);
      expect(response).toMatchObject({
        status: 401,
        challenge: 'Bearer realm="meshwork", error="invalid_token"',
        body: { error: { code: 'MW5203', message: 'the API token is not valid.' } },
      });
    }
    expect(await call('/api/v1/whoami', `Basic ${Buffer.from('bob:pw').toString('base64')}`)).toMatchObject({
      status: 401,
      challenge: 'Bearer realm="meshwork", error="invalid_request"',
      body: { error: { code: 'MW5202' } },
    });
    expect(await call('/api/v1/whoami', 'Bearer')).toMatchObject({ status: 401, body: { error: { code: 'MW5202' } } });
    expect(await call('/api/v1/whoami', 'Bearer not-a-token')).toMatchObject({
      status: 401,
      body: { error: { code: 'MW5202' } },
    });

    expect((await call('/api/v1/whoami', `Bearer ${token}`)).status).toBe(200);
    await authenticator.tokens.revoke(record.id, 'test');
    expect(await call('/api/v1/whoami', `Bearer ${token}`)).toMatchObject({
      status: 401,
      body: { error: { code: 'MW5205' } },
    });
    expect(logs).toContain('/api/v1/whoami'); // the logger did see these requests…
    expect(logs).not.toContain(secret); // …but never a credential
    expect(logs).not.toContain(id);
    expect(logs.toLowerCase()).not.toContain('bearer');
  });
});
