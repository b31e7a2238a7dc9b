import { describe, expect, it } from 'vitest';
import { openLineageSettings } from './openlineage-settings.js';

const settings = (openlineage: Parameters<typeof openLineageSettings>[0]['openlineage'], name = 'Acme Data Mesh') =>
  openLineageSettings({ name, openlineage });

describe('mesh.yaml openlineage', () => {
  it('is off without the section or when disabled', () => {
    expect(settings(undefined)).toBeUndefined();
    expect(settings({ url: 'http://marquez:5000', disabled: true })).toBeUndefined();
  });

  it('defaults to the OpenLineage HTTP transport path, the mesh name as namespace and a 5 s timeout', () => {
    expect(settings({ url: 'http://marquez:5000' })).toEqual({
      endpointUrl: 'http://marquez:5000/api/v1/lineage',
      namespace: 'acme-data-mesh',
      timeoutMs: 5000,
    });
  });

  it('joins a base path and an endpoint, and keeps the key, namespace and timeout given', () => {
    expect(
      settings({
        url: 'https://lineage.example.com/ol/',
        endpoint: '/events',
        apiKey: 'k-123',
        namespace: 'prod',
        timeoutMs: 900,
      }),
    ).toEqual({
      endpointUrl: 'https://lineage.example.com/ol/events',
      apiKey: 'k-123',
      namespace: 'prod',
      timeoutMs: 900,
    });
  });

  it('refuses credentials in the URL without echoing them', () => {
    const error = (() => {
      try {
        settings({ url: 'https://bob:hunter2@lineage.example.com' });
      } catch (e) {
        return e as Error;
      }
      return undefined;
    })();
    expect(error).toMatchObject({
      code: 'MW8850',
      message: expect.stringContaining('must not contain a user or password'),
    });
    expect(error?.message).not.toContain('hunter2');
  });

  it('refuses a key that resolved to nothing rather than send an empty bearer', () => {
    expect(() => settings({ url: 'http://marquez:5000', apiKey: '' })).toThrow(
      expect.objectContaining({ code: 'MW8850', message: expect.stringContaining('apiKey is empty') }),
    );
  });

  it('falls back to `meshwork` for a mesh name with nothing usable in it', () => {
    expect(settings({ url: 'http://marquez:5000' }, '***')?.namespace).toBe('meshwork');
  });
});
