/**
 * Once-per-fact announcements from several processes: two announcers on two stores of one
 * database (as two servers sweeping at the same moment) announce each resource once between
 * them, and the audit log alone keeps later sweeps quiet.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { createMetadataStore } from '../metadata/create-metadata-store.js';
import { createOnceAnnouncer } from './audit-marks.js';

const dir = mkdtempSync(join(tmpdir(), 'meshwork-marks-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('announces each resource once across two servers racing, and never again', async () => {
  const path = join(dir, 'store.db');
  const stores = [
    await createMetadataStore({ kind: 'sqlite', path }),
    await createMetadataStore({ kind: 'sqlite', path }),
  ];
  try {
    const announced: string[] = [];
    const announcers = stores.map((store) => ({ store, once: createOnceAnnouncer(store, 'port.retired') }));
    const resources = Array.from({ length: 8 }, (_, i) => `urn:meshwork:port:sales.orders:orders:v${i + 1}`);
    const announce = (store: (typeof stores)[number], resource: string) => async () => {
      announced.push(resource);
      await store.appendAudit({ actor: 'system', action: 'port.retired', resource, details: {} });
    };
    const outcomes = await Promise.all(
      resources.flatMap((resource) => announcers.map(({ store, once }) => once(resource, announce(store, resource)))),
    );
    expect(outcomes.filter(Boolean)).toHaveLength(resources.length);
    expect(announced.sort()).toEqual([...resources].sort());
    // A third process later: the audit log says it was told.
    const later = createOnceAnnouncer(stores[0]!, 'port.retired');
    expect(await later(resources[0]!, announce(stores[0]!, resources[0]!))).toBe(false);
    expect((await stores[1]!.listAudit({ limit: 100 })).items.filter((e) => e.action === 'port.retired')).toHaveLength(
      resources.length,
    );
  } finally {
    await Promise.all(stores.map((store) => store.close()));
  }
});
