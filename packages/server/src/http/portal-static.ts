/**
 * The portal (packages/portal, a Vite-built single-page app) at `/`: its hashed bundles under
 * `/assets/` through @fastify/static with long caching, and index.html for every other GET that no
 * route answers, because the app routes in the browser (`/products/sales.orders` is a page, not a
 * file). API and health paths keep Fastify's own 404: a mistyped API call never gets HTML back.
 * The files are read from disk on each request, so the server starts (and says how to build the
 * portal) when it is not built, and serves a rebuild without a restart. The static files need no
 * credential; every piece of data comes from the API under the viewer's token.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';

/** packages/portal/dist, from packages/server/{src,dist}/http. */
export const DEFAULT_PORTAL_ROOT = fileURLToPath(new URL('../../../portal/dist/', import.meta.url));

/** Paths the single-page app never answers: they belong to the server. */
const SERVER_PATHS = ['/api', '/assets', '/healthz', '/readyz', '/metrics', '/iceberg'];

/**
 * The app only loads its own scripts and styles and talks to its own origin; a policy this tight
 * keeps an injected script from sending the token in sessionStorage anywhere.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "img-src 'self' data:",
  "style-src 'self'",
  "script-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

export interface PortalStaticOptions {
  /** The built portal (index.html and assets/); default packages/portal/dist. */
  readonly root?: string;
}

export function portalStatic(options: PortalStaticOptions = {}): FastifyPluginAsync {
  const root = options.root ?? DEFAULT_PORTAL_ROOT;
  return async (app) => {
    await app.register(fastifyStatic, {
      root: join(root, 'assets'),
      prefix: '/assets/',
      // Vite names every asset by its content hash: a name never changes meaning.
      immutable: true,
      maxAge: '365d',
      index: false,
      decorateReply: false,
      // The folder does not exist until the portal is built: its files are then 404s, and `/`
      // says how to build it.
      suppressWarning: true,
    });
    app.setNotFoundHandler(async (request, reply) => {
      if (!isAppPage(request)) return fastifyDefault404(request, reply);
      const html = await readFile(join(root, 'index.html'), 'utf8').catch(() => NOT_BUILT_PAGE);
      return reply
        .header('cache-control', 'no-cache')
        .header('content-security-policy', CONTENT_SECURITY_POLICY)
        .header('x-content-type-options', 'nosniff')
        .header('referrer-policy', 'no-referrer')
        .type('text/html; charset=utf-8')
        .send(html);
    });
  };
}

function isAppPage(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const path = request.url.split('?')[0] ?? '';
  return !SERVER_PATHS.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

/** Exactly what Fastify answers without a not-found handler, so API clients see no change. */
function fastifyDefault404(request: FastifyRequest, reply: FastifyReply) {
  return reply.code(404).send({
    message: `Route ${request.raw.method}:${request.raw.url} not found`,
    error: 'Not Found',
    statusCode: 404,
  });
}

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Meshwork — portal not built</title></head>
<body>
<main>
<h1>The Meshwork portal is not built</h1>
<p>Build it from the repository root with <code>npm run build</code> (or only the portal with
<code>npm run build:portal</code>), then reload this page. The server does not need a restart.</p>
<p>The HTTP API works meanwhile: <a href="/api/docs">API reference</a>.</p>
</main>
</body>
</html>
`;
