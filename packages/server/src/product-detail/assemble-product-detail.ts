/**
 * Everything a product page shows, in one response, for one caller: the sections are assembled
 * by the files of this folder. The caller has already been allowed to discover the product.
 */
import type { DataProduct } from '@meshwork/core';
import type { PlatformServices } from '../http/platform-services.js';
import type { Principal } from '../identity/principal.js';
import { changelogSection } from './changelog-section.js';
import { consumersSection } from './consumers-section.js';
import { contractsSection } from './contracts-section.js';
import { exampleQueries } from './example-queries.js';
import { runsSection } from './runs-section.js';
import { sampleSection } from './sample-section.js';
import { snapshotsSection } from './snapshots-section.js';

export const DETAIL_RUNS = 10;
export const DETAIL_SNAPSHOTS = 10;

export type DetailServices = Pick<PlatformServices, 'store' | 'warehouse' | 'gateway' | 'authorizer' | 'health'>;

export async function assembleProductDetail(
  services: DetailServices,
  principal: Principal,
  product: DataProduct,
  now: Date = new Date(),
) {
  const { store } = services;
  const [contracts, changelog, runs, snapshots, people, sample, status, health] = await Promise.all([
    contractsSection(store, product),
    changelogSection(store, product),
    runsSection(store, product.id, DETAIL_RUNS),
    snapshotsSection(services.warehouse, product, DETAIL_SNAPSHOTS),
    consumersSection(store, services.authorizer, principal, product.id, now),
    sampleSection(services.gateway, principal, product),
    store.getProductStatus(product.id),
    services.health.scorecard(product.id),
  ]);
  return {
    id: product.id,
    urn: product.urn,
    title: product.title,
    domain: product.domain,
    owner: product.ownerTeam ?? null,
    lifecycle: product.status,
    descriptor: product.descriptor as unknown,
    contracts,
    status: status ? { status: status.status, reason: status.reason, at: status.at } : null,
    slos: contracts.map((c) => ({ port: c.port, major: c.major, slos: c.slos })),
    qualityHistory: runs.qualityHistory,
    runs: runs.runs,
    snapshots,
    consumers: people.consumers,
    usage: people.usage,
    sample,
    exampleQueries: exampleQueries(product),
    changelog,
    health: health ?? null,
  };
}
