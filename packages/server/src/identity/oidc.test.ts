/**
 * OIDC identity tokens with locally generated keys, verified against a JWKS file in the
 * workspace and against a JWKS URL served by a real local HTTP server — including the classic
 * attacks: `alg: none`, HS256 signed with the public key as the secret, a key the set does not
 * hold, a token for another audience or issuer.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IdentitySettings } from '@meshwork/core';
import {
  SignJWT,
  UnsecuredJWT,
  exportJWK,
  exportSPKI,
  generateKeyPair,
  type CryptoKey,
  type JWK,
  type JWTPayload,
} from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMetadataStore } from '../metadata/create-metadata-store.js';
import type { MetadataStore } from '../metadata/metadata-store.js';
import { createAuthenticator, type Authenticator } from './authenticator.js';
import { meshModel } from './test-support/identity-fixtures.js';

const ISSUER = 'https://login.example.com/';
const AUDIENCE = 'meshwork';

interface SigningKey {
  readonly alg: 'RS256' | 'ES256' | 'EdDSA';
  readonly kid: string;
  readonly privateKey: CryptoKey;
  readonly publicKey: CryptoKey;
  readonly jwk: JWK;
}

async function signingKey(alg: SigningKey['alg'], kid: string): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  return { alg, kid, privateKey, publicKey, jwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' } };
}

let root: string;
let keys: SigningKey[];
let stranger: SigningKey;
let server: Server;
let jwksUrl: string;
let jwksRequests = 0;
let store: MetadataStore;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'meshwork-oidc-'));
  keys = [await signingKey('RS256', 'rsa-1'), await signingKey('ES256', 'ec-1'), await signingKey('EdDSA', 'ed-1')];
  stranger = await signingKey('RS256', 'rsa-1'); // same kid, another key: a forger's
  const jwks = JSON.stringify({ keys: keys.map((k) => k.jwk) });
  await mkdir(join(root, 'config'));
  await writeFile(join(root, 'config/jwks.json'), jwks);
  await writeFile(join(root, 'config/not-json.json'), '{ keys: oops');
  server = createServer((request, response) => {
    if (request.url === '/.well-known/jwks.json') {
      jwksRequests += 1;
      response.writeHead(200, { 'content-type': 'application/json' }).end(jwks);
    } else response.writeHead(500).end('down');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`;
  store = await createMetadataStore({ kind: 'sqlite', path: ':memory:' });
});

afterAll(async () => {
  await store?.close();
  await new Promise((resolve) => server?.close(resolve));
  await rm(root, { recursive: true, force: true });
});

const oidcSettings = (source: { jwksFile: string } | { jwksUrl: string }): IdentitySettings => ({
  oidc: {
    issuer: ISSUER,
    audience: AUDIENCE,
    ...source,
    groupsClaim: 'groups',
    attributeClaims: ['region', 'department', 'clearance'],
  },
});

function sign(
  key: { alg: string; kid?: string; privateKey: CryptoKey | Uint8Array },
  claims: JWTPayload = {},
  { issuer = ISSUER, audience = AUDIENCE, expires = '5m' as string | number | null } = {},
): Promise<string> {
  let jwt = new SignJWT({ sub: 'alice', ...claims })
    .setProtectedHeader({ alg: key.alg, ...(key.kid ? { kid: key.kid } : {}) })
    .setIssuer(issuer)
    .setAudience(audience)
    .setIssuedAt();
  if (expires !== null) jwt = jwt.setExpirationTime(expires);
  return jwt.sign(key.privateKey);
}

const now = () => Math.floor(Date.now() / 1000);

describe.each([
  { source: 'a JWKS file', settings: () => oidcSettings({ jwksFile: 'config/jwks.json' }) },
  { source: 'a JWKS URL', settings: () => oidcSettings({ jwksUrl }) },
])('OIDC with $source', ({ settings }) => {
  let auth: Authenticator;
  beforeAll(() => {
    auth = createAuthenticator({ store, model: meshModel(), config: settings(), root });
  });

  it('accepts RS256, ES256 and EdDSA tokens; a declared user keeps mesh.yaml teams, roles and attributes', async () => {
    for (const key of keys) {
      const principal = await auth.authenticate(
        await sign(key, { groups: ['bi-users', 'analysts'], region: 'US', name: 'Impostor' }),
      );
      expect(principal, key.alg).toEqual({
        kind: 'user',
        id: 'alice',
        name: 'Alice',
        email: 'alice@example.com',
        teams: ['finance', 'sales'],
        groups: ['analysts', 'bi-users'],
        roles: ['consumer'],
        attributes: { region: 'EU', level: 3, contractor: false },
        authenticatedBy: 'oidc',
      });
    }
  });

  it('gives an undeclared subject no roles, its groups and the listed attribute claims', async () => {
    const principal = await auth.authenticate(
      await sign(keys[0]!, {
        sub: 'dana@corp',
        name: 'Dana',
        email: 'dana@corp.example',
        groups: 'data-science',
        region: 'APAC',
        clearance: 2,
        department: { nested: true },
        roles: ['admin'],
      }),
    );
    expect(principal).toEqual({
      kind: 'user',
      id: 'dana@corp',
      name: 'Dana',
      email: 'dana@corp.example',
      teams: [],
      groups: ['data-science'],
      roles: [],
      attributes: { region: 'APAC', clearance: 2 },
      authenticatedBy: 'oidc',
    });
  });

  it('refuses expired and not-yet-valid tokens, with 30 s of clock tolerance', async () => {
    await expect(auth.authenticate(await sign(keys[0]!, {}, { expires: now() - 120 }))).rejects.toMatchObject({
      code: 'MW5209',
      kind: 'unauthenticated',
      message: 'the identity token has expired.',
    });
    await expect(auth.authenticate(await sign(keys[1]!, {}, { expires: now() - 10 }))).resolves.toMatchObject({
      id: 'alice',
    });
    await expect(auth.authenticate(await sign(keys[2]!, { nbf: now() + 300 }))).rejects.toMatchObject({
      code: 'MW5209',
    });
    await expect(auth.authenticate(await sign(keys[0]!, {}, { expires: null }))).rejects.toMatchObject({
      code: 'MW5208',
      message: 'the identity token is not valid: its "exp" claim is missing.',
    });
  });

  it('refuses another audience or issuer', async () => {
    await expect(auth.authenticate(await sign(keys[0]!, {}, { audience: 'other-app' }))).rejects.toMatchObject({
      code: 'MW5208',
      message: 'the identity token is not valid: its "aud" claim does not match.',
    });
    await expect(
      auth.authenticate(await sign(keys[0]!, {}, { issuer: 'https://evil.example.com/' })),
    ).rejects.toMatchObject({ code: 'MW5208', message: expect.stringContaining('"iss" claim') });
  });

  it('refuses alg none, HS256 signed with the public key, unknown keys and forged signatures', async () => {
    const unsecured = new UnsecuredJWT({ sub: 'bob' }).setIssuer(ISSUER).setAudience(AUDIENCE).setExpirationTime('5m');
    await expect(auth.authenticate(unsecured.encode())).rejects.toMatchObject({ code: 'MW5208' });

    const rsa = keys[0]!;
    for (const secret of [await exportSPKI(rsa.publicKey), JSON.stringify(rsa.jwk)]) {
      const forged = await sign(
        { alg: 'HS256', kid: rsa.kid, privateKey: new TextEncoder().encode(secret) },
        { sub: 'bob' },
      );
      await expect(auth.authenticate(forged)).rejects.toMatchObject({
        code: 'MW5208',
        message: expect.stringContaining('algorithm is not accepted'),
      });
    }
    const rotated = await signingKey('RS256', 'rsa-2');
    await expect(auth.authenticate(await sign(rotated))).rejects.toMatchObject({
      code: 'MW5208',
      message: "the identity token is not valid: no key of the issuer's key set matches it.",
    });
    await expect(auth.authenticate(await sign(stranger))).rejects.toMatchObject({
      code: 'MW5208',
      message: 'the identity token is not valid: its signature does not verify.',
    });
    const [header, payload, signature] = (await sign(rsa)).split('.');
    const tampered = Buffer.from(JSON.stringify({ sub: 'bob', iss: ISSUER, aud: AUDIENCE, exp: now() + 60 })).toString(
      'base64url',
    );
    expect(payload).not.toBe(tampered);
    await expect(auth.authenticate(`${header}.${tampered}.${signature}`)).rejects.toMatchObject({ code: 'MW5208' });
    await expect(auth.authenticate('eyJhbGciOi.e30.')).rejects.toMatchObject({ code: 'MW5208' });
  });

  it('refuses a subject that names a service account', async () => {
    await expect(auth.authenticate(await sign(keys[1]!, { sub: 'etl-bot' }))).rejects.toMatchObject({
      code: 'MW5212',
    });
  });
});

describe('OIDC configuration', () => {
  it('reads identity.oidc from mesh.yaml, with the JWKS file relative to the workspace', async () => {
    const model = meshModel(
      `identity:\n  oidc:\n    issuer: "${ISSUER}"\n    audience: ${AUDIENCE}\n    jwksFile: config/jwks.json\n`,
    );
    const auth = createAuthenticator({ store, model, root });
    expect(auth.oidc).toBe(true);
    await expect(auth.authenticate(await sign(keys[0]!))).resolves.toMatchObject({ id: 'alice', groups: ['analysts'] });
  });

  it('fetches a JWKS URL once and caches it', async () => {
    const auth = createAuthenticator({ store, model: meshModel(), config: oidcSettings({ jwksUrl }), root });
    const before = jwksRequests;
    for (let i = 0; i < 5; i++) await auth.authenticate(await sign(keys[i % 3]!));
    expect(jwksRequests - before).toBe(1);
  });

  it('answers 503-class MW5210 when the key set cannot be fetched', async () => {
    const broken = jwksUrl.replace('/.well-known/jwks.json', '/broken');
    const auth = createAuthenticator({ store, model: meshModel(), config: oidcSettings({ jwksUrl: broken }), root });
    await expect(auth.authenticate(await sign(keys[0]!))).rejects.toMatchObject({
      code: 'MW5210',
      kind: 'unavailable',
    });
  });

  it('refuses JWTs when no issuer is configured, and bad settings at startup', async () => {
    const plain = createAuthenticator({ store, model: meshModel(), root });
    expect(plain.oidc).toBe(false);
    await expect(plain.authenticate(await sign(keys[0]!))).rejects.toMatchObject({ code: 'MW5207' });
    await expect(plain.authenticate('Basic abc')).rejects.toMatchObject({ code: 'MW5202' });
    await expect(plain.authenticate('x'.repeat(20_000))).rejects.toMatchObject({ code: 'MW5202' });

    const base = { issuer: ISSUER, audience: AUDIENCE };
    for (const oidc of [
      base,
      { ...base, jwksFile: 'config/jwks.json', jwksUrl },
      { ...base, jwksUrl: 'http://login.example.com/jwks.json' },
      { ...base, jwksUrl: 'not a url' },
      { ...base, jwksFile: 'config/missing.json' },
      { ...base, jwksFile: 'config/not-json.json' },
      { ...base, jwksFile: 'config' },
    ]) {
      expect(
        () => createAuthenticator({ store, model: meshModel(), config: { oidc }, root }),
        JSON.stringify(oidc),
      ).toThrow(expect.objectContaining({ code: 'MW5211' }));
    }
  });
});
