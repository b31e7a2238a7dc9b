import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import type { PlatformServices } from '../../http/platform-services.js';
import { icebergCatalogRoutes } from './iceberg-catalog-routes.js';

describe('a disabled catalog', () => {
  it('answers every /iceberg path with 404 saying where it was disabled', async () => {
    const app = Fastify();
    const services = { model: { config: { iceberg: { disabled: true } } } } as unknown as PlatformServices;
    await app.register(icebergCatalogRoutes(services), { prefix: '/iceberg' });
    for (const url of ['/iceberg/v1/config', '/iceberg/v1/namespaces/sales/tables/orders']) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode).toBe(404);
      expect(response.json()).toEqual({
        error: {
          message: 'MW8271: the Iceberg catalog is disabled in mesh.yaml (iceberg.disabled)',
          type: 'NotFoundException',
          code: 404,
        },
      });
    }
    await app.close();
  });
});
