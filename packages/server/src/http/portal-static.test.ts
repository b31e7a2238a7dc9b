/**
 * The portal at `/`: index.html for every app page, hashed assets with long caching, Fastify's own
 * 404 for API and health paths, a page saying how to build the portal when it is not built — and,
 * on a real `mesh serve`, the API's authentication exactly as before.
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccessWorkspace, type AccessWorkspace } from '../agreements/test-support/access-workspace.js';
import { startPlatform, type RunningPlatform } from '../platform/start-platform.js';
import { portalStatic } from './portal-static.js';

const INDEX = '<!doctype html><title>Meshwork</title><div id="root"></div><script src="/assets/app-1a2b.js"></script>';
let dir: string;
let app: FastifyInstance;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'meshwork-portal-'));
  await mkdir(join(dir, 'dist/assets'), { recursive: true });
  await writeFile(join(dir, 'dist/index.html'), INDEX);
  await writeFile(join(dir, 'dist/assets/app-1a2b.js'), 'console.log("portal");');
  app = Fastify();
  app.get('/api/v1/things', async () => ({ items: [] }));
  await app.register(portalStatic({ root: join(dir, 'dist') }));
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('a built portal', () => {
  it.each(['/', '/login', '/products/sales.orders/schema', '/domains?x=1'])('answers %s with the app', async (url) => {
    const response = await app.inject({ url });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.body).toBe(INDEX);
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('serves hashed assets for a year, and a missing asset is a 404, not the app', async () => {
    const asset = await app.inject({ url: '/assets/app-1a2b.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.body).toBe('console.log("portal");');
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const missing = await app.inject({ url: '/assets/app-0000.js' });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toMatch(/^application\/json/);
  });

  it.each([
    ['GET', '/api/v1/nothing'],
    ['GET', '/api'],
    ['GET', '/healthz'],
    ['GET', '/metrics'],
    ['GET', '/iceberg/v1/config'],
    ['POST', '/products/sales.orders'],
  ] as const)('leaves %s %s to the API: Fastify’s own 404', async (method, url) => {
    const response = await app.inject({ method, url });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({
      message: `Route ${method}:${url} not found`,
      error: 'Not Found',
      statusCode: 404,
    });
  });

  it('leaves API routes alone', async () => {
    expect((await app.inject({ url: '/api/v1/things' })).json()).toEqual({ items: [] });
  });

  it('serves a rebuilt index.html without a restart', async () => {
    await writeFile(join(dir, 'dist/index.html'), `${INDEX}<!-- rebuilt -->`);
    expect((await app.inject({ url: '/' })).body).toContain('rebuilt');
    await writeFile(join(dir, 'dist/index.html'), INDEX);
  });
});

describe('a portal that is not built', () => {
  it('starts anyway and says how to build it', async () => {
    const bare = Fastify();
    await bare.register(portalStatic({ root: join(dir, 'no-such-dist') }));
    const response = await bare.inject({ url: '/products/sales.orders' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('The Meshwork portal is not built');
    expect(response.body).toContain('npm run build');
    expect((await bare.inject({ url: '/assets/app.js' })).statusCode).toBe(404);
    await bare.close();
  });
});

describe('the portal on mesh serve', () => {
  let workspace: AccessWorkspace;
  let platform: RunningPlatform;
  let token: string;

  beforeAll(async () => {
    workspace = await createAccessWorkspace();
    platform = await startPlatform({
      root: workspace.root,
      env: {},
      port: 0,
      wirePort: false,
      portalRoot: join(dir, 'dist'),
    });
    token = (await platform.services.authenticator.tokens.create('ana', { createdBy: 'test' })).token;
  });
  afterAll(async () => {
    await platform?.close();
    await workspace?.dispose();
  });

  const get = (path: string, auth?: string) =>
    fetch(`${platform.url}${path}`, auth ? { headers: { authorization: `Bearer ${auth}` } } : {});

  it('serves the app without a credential', async () => {
    const response = await get('/products/sales.orders');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(INDEX);
  });

  it('keeps the API as it was: 401 without a token, 404 JSON for an unknown path with one', async () => {
    const anonymous = await get('/api/v1/nothing-here');
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { error: { code: string } }).error.code).toBe('MW5201');
    const unknown = await get('/api/v1/nothing-here', token);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: 'Not Found', statusCode: 404 });
    expect(await (await get('/healthz')).json()).toEqual({ status: 'ok' });
  });

  it('has no demo users list outside the demo', async () => {
    const response = await get('/api/demo/users');
    expect(response.status).toBe(404);
  });
});
