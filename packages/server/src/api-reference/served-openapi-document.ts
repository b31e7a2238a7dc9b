/**
 * The OpenAPI document exactly as `mesh serve` serves it: the real composition root started over
 * an empty temporary workspace, on a free loopback port, asked for `/api/openapi.json`, then
 * stopped. The document depends on the route schemas only, never on the workspace's content.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPlatform } from '../platform/start-platform.js';
import { initWorkspace } from '../scaffold/scaffold-service.js';
import { isOpenApiDocument, type OpenApiDocument } from './openapi-types.js';

export async function servedOpenApiDocument(): Promise<OpenApiDocument> {
  const parent = await mkdtemp(join(tmpdir(), 'meshwork-openapi-'));
  try {
    const root = await initWorkspace(join(parent, 'mesh'), 'openapi');
    // No environment: the metadata store is the workspace's own SQLite, whatever the caller's shell says.
    const platform = await startPlatform({ root, env: {}, host: '127.0.0.1', port: 0, wirePort: false });
    try {
      const response = await fetch(`${platform.url}/api/openapi.json`);
      const document: unknown = await response.json();
      if (!response.ok || !isOpenApiDocument(document)) {
        throw new Error(`the server answered /api/openapi.json with ${response.status} and no OpenAPI document`);
      }
      return document;
    } finally {
      await platform.close();
    }
  } finally {
    await rm(parent, { recursive: true, force: true });
  }
}
