/**
 * `GET /api/v1/mesh-map` at 100,000 products over real HTTP: a generated mesh built in memory
 * (test-support/generated-mesh.ts; a workspace on disk would take minutes), its lineage graph
 * built by the lineage context's own loader, the real authorizer on Cedar policies that hide
 * domain d003 from everyone outside its team, and the route served by Fastify with the platform's
 * error edge. Every figure is checked against an oracle computed from the model's pipeline inputs.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeshModel } from '@meshwork/core';
import { loadAccessPolicies } from '../access/load-access-policies.js';
import { handleHttpError } from '../http/http-errors.js';
import type { Principal } from '../identity/principal.js';
import { loadLineageGraph } from '../lineage/load-lineage-graph.js';
import type { MetadataStore } from '../metadata/metadata-store.js';
import type { MeshMapAnswer } from './mesh-map-answer.js';
import { meshMapRoutes } from './mesh-map-routes.js';
import { domainName, generatedMesh } from './test-support/generated-mesh.js';

const PRODUCTS = 100_000;
const DOMAINS = 100;
const HIDDEN = domainName(3);
const POLICIES = `@id("discover-all")
permit (principal, action == Meshwork::Action::"discover", resource);

@id("d003-hidden")
forbid (principal, action == Meshwork::Action::"discover", resource in Meshwork::Domain::"${HIDDEN}")
unless { principal in Meshwork::Team::"${HIDDEN}-team" };

@id("eve-not-d005")
forbid (principal == Meshwork::User::"eve", action == Meshwork::Action::"discover", resource)
when { resource has domain && resource.domain == "${domainName(5)}" };
`;
const person = (id: string, teams: string[]): Principal => ({
  kind: 'user',
  id,
  teams,
  groups: [],
  roles: ['consumer'],
  attributes: {},
  authenticatedBy: 'test',
});
const PRINCIPALS: Record<string, Principal> = {
  ana: person('ana', []),
  dora: person('dora', [`${HIDDEN}-team`]),
  eve: person('eve', []),
};

let model: MeshModel;
let dir: string;
let app: FastifyInstance;
let url: string;

/** Product edges upstream → reader, straight from the pipelines' product inputs. */
function oracleEdges(): [string, string][] {
  const edges: [string, string][] = [];
  for (const product of model.products.values()) {
    for (const input of product.pipeline?.definition.inputs ?? []) {
      if (input.kind === 'product') edges.push([input.product, product.id]);
    }
  }
  return edges;
}
const domainOf = (id: string) => id.slice(0, id.indexOf('.'));
const score = (id: string): number | undefined => {
  const n = Number(id.slice(id.indexOf('.p') + 2));
  return n % 4 === 3 ? undefined : n % 100;
};

beforeAll(async () => {
  model = generatedMesh(PRODUCTS, DOMAINS);
  const noStore = {
    listLatestPipelineLineage: () => Promise.resolve([]),
    listLineageEvents: () => Promise.resolve({ items: [] }),
  } as unknown as MetadataStore;
  const graph = await loadLineageGraph(model, noStore);
  dir = await mkdtemp(join(tmpdir(), 'meshwork-mesh-map-'));
  await mkdir(join(dir, 'policies/access'), { recursive: true });
  await writeFile(join(dir, 'policies/access/mesh.cedar'), POLICIES);
  const { authorizer, diagnostics } = loadAccessPolicies(dir, model);
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const scores = new Map<string, number>();
  for (const id of model.products.keys()) if (score(id) !== undefined) scores.set(id, score(id)!);
  const health = { scores: () => scores, scorecard: () => Promise.resolve(undefined) };

  app = Fastify().withTypeProvider<TypeBoxTypeProvider>();
  app.setErrorHandler(handleHttpError);
  // What identity/http-auth.ts does with a token, with the principal named in a header instead.
  app.addHook('onRequest', async (request) => {
    request.principal = PRINCIPALS[String(request.headers['x-as'])];
  });
  await app.register(meshMapRoutes({ model, lineage: { graph }, health, authorizer }));
  url = await app.listen({ port: 0, host: '127.0.0.1' });
}, 60_000);

afterAll(async () => {
  await app?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function get(as: string, query: string): Promise<{ status: number; body: MeshMapAnswer }> {
  const response = await fetch(`${url}/api/v1/mesh-map${query}`, { headers: { 'x-as': as } });
  return { status: response.status, body: (await response.json()) as MeshMapAnswer };
}

const counted = (pairs: [string, string][]) => {
  const counts = new Map<string, number>();
  for (const [from, to] of pairs) counts.set(`${from} -> ${to}`, (counts.get(`${from} -> ${to}`) ?? 0) + 1);
  return [...counts].sort(([a], [b]) => (a < b ? -1 : 1));
};

describe('the mesh map of 100,000 products', () => {
  it('answers domain by domain, without the domain ana may not discover', async () => {
    const { status, body } = await get('ana', '');
    expect(status).toBe(200);
    expect(body.detail).toBe('domains');
    expect(body.products).toBeUndefined();
    expect(body.visibleProducts).toBe(PRODUCTS - PRODUCTS / DOMAINS);
    expect(body.hidden).toBe(PRODUCTS / DOMAINS);
    expect(body.domains).toHaveLength(DOMAINS - 1);
    expect(body.domains.map((d) => d.name)).not.toContain(HIDDEN);
    expect(body.domains.find((d) => d.name === domainName(1))).toMatchObject({ parent: domainName(0), products: 1000 });
    expect(body.domains.find((d) => d.name === domainName(0))?.parent).toBeNull();

    const edges = oracleEdges();
    const seen = edges.filter(([a, b]) => domainOf(a) !== HIDDEN && domainOf(b) !== HIDDEN);
    const across = seen
      .filter(([a, b]) => domainOf(a) !== domainOf(b))
      .map(([a, b]): [string, string] => [domainOf(a), domainOf(b)]);
    expect(body.domainEdges!.map((e) => [`${e.from} -> ${e.to}`, e.edges])).toEqual(counted(across));
    expect(JSON.stringify(body.domainEdges)).not.toContain(HIDDEN);
    expect(body.hiddenEdges).toBe(
      edges.filter(([a, b]) => (domainOf(a) === HIDDEN) !== (domainOf(b) === HIDDEN)).length,
    );
    expect(body.hiddenEdges).toBeGreaterThan(0);

    // Health bands: the scores' own bands, counted per domain.
    const d001 = body.domains.find((d) => d.name === domainName(1))!;
    const ids = [...model.products.keys()].filter((id) => domainOf(id) === domainName(1));
    const band = (s: number | undefined) =>
      s === undefined ? 'unknown' : s >= 75 ? 'good' : s >= 50 ? 'fair' : 'poor';
    expect(d001.health).toEqual({
      good: ids.filter((id) => band(score(id)) === 'good').length,
      fair: ids.filter((id) => band(score(id)) === 'fair').length,
      poor: ids.filter((id) => band(score(id)) === 'poor').length,
      unknown: ids.filter((id) => band(score(id)) === 'unknown').length,
    });
  });

  it('does not name a parent domain whose products the caller may not see', async () => {
    // eve may not discover d005's own products; those of its sub-domains d006–d009 she may.
    const { body } = await get('eve', '');
    expect(body.domains.map((d) => d.name)).not.toContain(domainName(5));
    expect(body.domains.find((d) => d.name === domainName(6))).toMatchObject({ parent: null, products: 1000 });
    expect(body.domains.find((d) => d.name === domainName(1))?.parent).toBe(domainName(0));
    const drill = await get('eve', `?domain=${domainName(7)}`);
    expect(drill.body.domains).toEqual([expect.objectContaining({ name: domainName(7), parent: null })]);
    expect(JSON.stringify(drill.body)).not.toContain(`"${domainName(5)}"`);
  });

  it('shows the hidden domain to its own team, and stays domain level at the highest threshold', async () => {
    const { body } = await get('dora', '?threshold=5000');
    expect(body.detail).toBe('domains');
    expect(body.domains).toHaveLength(DOMAINS);
    expect(body.hidden).toBe(0);
    expect(body.hiddenEdges).toBe(0);
    expect(body.domainEdges!.some((e) => e.from === HIDDEN || e.to === HIDDEN)).toBe(true);
  });

  it('drills into a domain next to the hidden one: its products, and its edges to others folded per domain', async () => {
    const domain = domainName(4);
    const { status, body } = await get('ana', `?domain=${domain}`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ detail: 'domain', domain, visibleProducts: 1000, hidden: 0 });
    expect(body.products!.every((p) => p.domain === domain)).toBe(true);
    const edges = oracleEdges();
    const inside = edges.filter(([a, b]) => domainOf(a) === domain && domainOf(b) === domain);
    expect(body.edges!.map((e) => `${e.from} -> ${e.to}`).sort()).toEqual(
      inside.map(([a, b]) => `${a} -> ${b}`).sort(),
    );
    const out = edges
      .filter(([a, b]) => domainOf(a) === domain && domainOf(b) !== domain && domainOf(b) !== HIDDEN)
      .map(([a, b]): [string, string] => [a, domainOf(b)]);
    const into = edges
      .filter(([a, b]) => domainOf(b) === domain && domainOf(a) !== domain && domainOf(a) !== HIDDEN)
      .map(([a, b]): [string, string] => [b, domainOf(a)]);
    const cross = (direction: string) =>
      body
        .crossEdges!.filter((e) => e.direction === direction)
        .map((e): [string, number] => [`${e.product} -> ${e.domain}`, e.edges]);
    expect(cross('downstream').sort()).toEqual(counted(out));
    expect(cross('upstream').sort()).toEqual(counted(into));
    expect(body.crossEdges!.some((e) => e.domain === HIDDEN)).toBe(false);
    // d004 reads d003 (a neighbour): those edges are left out and counted.
    const hiddenEdges = edges.filter(
      ([a, b]) =>
        (domainOf(a) === domain && domainOf(b) === HIDDEN) || (domainOf(b) === domain && domainOf(a) === HIDDEN),
    );
    expect(hiddenEdges.length).toBeGreaterThan(0);
    expect(body.hiddenEdges).toBe(hiddenEdges.length);
  });

  it('answers a drill-down into the hidden domain as for one that does not exist', async () => {
    const hidden = await get('ana', `?domain=${HIDDEN}`);
    const unknown = await get('ana', '?domain=nowhere');
    expect([hidden.status, unknown.status]).toEqual([404, 404]);
    expect((hidden.body as unknown as { error: { code: string } }).error.code).toBe('MW8921');
    expect((unknown.body as unknown as { error: { message: string } }).error.message).toBe(
      'no domain "nowhere" on the mesh map',
    );
    expect((await get('dora', `?domain=${HIDDEN}`)).body.visibleProducts).toBe(1000);
  });
});
