/**
 * A generated mesh for scale tests, as model objects (only the fields the lineage loader, the
 * authorizer and the mesh map read): `domains` domains (one in five a sub-domain of the one
 * before it in fives), product i in domain i mod `domains`, reading 0–3 earlier products — mostly
 * of its own domain, a third of the time of a neighbouring one. Deterministic.
 */
import type { DataProduct, Domain, MeshModel } from '@meshwork/core';

export const domainName = (d: number): string => `d${String(d).padStart(3, '0')}`;

/** mulberry32: the same sequence on every run. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generatedMesh(productCount: number, domainCount: number): MeshModel {
  const rand = random(11);
  const domains = new Map<string, Domain>();
  for (let d = 0; d < domainCount; d++) {
    const name = domainName(d);
    const parent = d % 5 === 0 ? undefined : domainName(d - (d % 5));
    domains.set(name, { name, title: name, owner: `${name}-team`, ...(parent ? { parent } : {}), tags: [], file: '' });
  }
  const ids: string[] = [];
  const products: DataProduct[] = [];
  for (let i = 0; i < productCount; i++) {
    const domain = domainName(i % domainCount);
    const id = `${domain}.p${i}`;
    const inputs: { name: string; kind: 'product'; product: string; port: string; majorVersion: number }[] = [];
    const wanted = i < domainCount ? 0 : Math.floor(rand() * 4);
    for (let k = 0; k < wanted; k++) {
      const offset = rand() < 0.66 ? 0 : 1 + Math.floor(rand() * 4);
      const upstream = ids[i - domainCount * (1 + Math.floor(rand() * 20)) - offset];
      if (upstream !== undefined && !inputs.some((input) => input.product === upstream)) {
        inputs.push({ name: `in${k}`, kind: 'product', product: upstream, port: 'out', majorVersion: 1 });
      }
    }
    ids.push(id);
    const columns = [{ name: 'id', classification: 'internal', terms: [] }];
    products.push({
      id,
      urn: `urn:meshwork:${domain}:p${i}`,
      domain,
      name: `p${i}`,
      title: `p${i}`,
      status: 'active',
      archetype: i % 2 === 0 ? 'source-aligned' : 'aggregate',
      tags: [],
      inputPorts: [],
      outputPorts: [
        { name: 'out', version: '1.0.0', major: 1, contract: { tables: [{ name: 'out', columns }], document: {} } },
      ],
      pipeline: { file: 'pipeline.yaml', definition: { inputs } },
      dependsOn: inputs.map((input) => input.product),
    } as unknown as DataProduct);
  }
  products.sort((a, b) => (a.id < b.id ? -1 : 1));
  return {
    name: 'generated',
    config: {},
    teams: new Map(),
    users: new Map(),
    serviceAccounts: new Map(),
    domains,
    products: new Map(products.map((p) => [p.id, p])),
  } as unknown as MeshModel;
}
