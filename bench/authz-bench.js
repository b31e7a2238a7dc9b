// Benchmark (issue 5): authorization decisions per second on one core with the policy set parsed
// once, on the demo mesh's own policies (every user and service account of mesh.yaml, every
// product, port and column, with and without agreements and purposes). Reported side by side in
// the same run: Meshwork's Authorizer with its decision cache (a realistic skewed mix, and hits
// only), the same with every decision a cache miss — evaluated by the policy set compiled to
// JavaScript (the default), and by one Cedar wasm call each (the reference) — and two baselines
// calling Cedar directly — with the whole mesh as entities, and re-parsing the policy text per call.
import { fileURLToPath } from 'node:url';

const demo = fileURLToPath(new URL('../examples/demo-mesh', import.meta.url));

export async function authzBench({ decisions = 200_000 } = {}) {
  const { loadWorkspaceFromDisk, loadAccessPolicies, resolvePrincipal, CEDAR_SCHEMA } =
    await import('@meshwork/server');
  const cedar = await import('@cedar-policy/cedar-wasm/nodejs');
  const { model } = await loadWorkspaceFromDisk(demo, {});
  let started = performance.now();
  const fresh = (cedarEvaluator = 'compiled') => loadAccessPolicies(demo, model, { cedarEvaluator });
  const { policies } = fresh();
  console.log(
    `  loaded ${policies.length} policies (parse, validate, preparse) in ${(performance.now() - started).toFixed(0)} ms`,
  );

  const principals = [...model.users.keys(), ...model.serviceAccounts.keys()].map((id) => resolvePrincipal(model, id));
  const contexts = [{}, { purpose: 'compliance-audit' }, agreementContext('customer-care')];
  const requests = [];
  for (const principal of principals) {
    for (const product of model.products.values()) {
      requests.push([principal, 'discover', { kind: 'product', productId: product.id }, contexts[0]]);
      for (const out of product.outputPorts) {
        const port = { productId: product.id, port: out.name, major: out.major };
        for (const context of contexts) {
          requests.push([principal, 'query', { kind: 'port', port }, context]);
          requests.push([principal, 'readAllRows', { kind: 'port', port }, context]);
          for (const column of out.contract?.tables[0]?.columns ?? []) {
            requests.push([principal, 'readClear', { kind: 'column', port, column: column.name }, context]);
          }
        }
      }
    }
  }
  console.log(`  ${principals.length} principals, ${requests.length} distinct decisions`);

  // The first pass of a process also compiles and tiers up the wasm code: reported, then excluded.
  started = performance.now();
  const first = fresh('wasm').authorizer;
  for (const [p, a, r, c] of requests) first.isAllowed(p, a, r, c);
  console.log(`  first pass in a new process (wasm tier-up): ${(performance.now() - started).toFixed(0)} ms`);
  for (let i = 0; i < 2; i++) {
    const warm = fresh('wasm').authorizer;
    for (const [p, a, r, c] of requests) warm.isAllowed(p, a, r, c);
  }

  const uncached = (evaluator) =>
    measure(
      requests.length,
      (i) => {
        const [p, a, r, c] = requests[i];
        missAuthorizer.isAllowed(p, a, r, c);
      },
      () => {
        missAuthorizer = fresh(evaluator).authorizer;
        if (missAuthorizer.cedarEvaluator !== evaluator)
          console.log(`  (asked for the ${evaluator} evaluator, got ${missAuthorizer.cedarEvaluator})`);
      },
    );
  // Warm-up of the compiled evaluator's code paths, as the wasm passes above warmed wasm.
  for (let i = 0; i < 2; i++) {
    const warm = fresh().authorizer;
    for (const [p, a, r, c] of requests) warm.isAllowed(p, a, r, c);
  }
  const misses = uncached('compiled');
  report('uncached, compiled policies: every decision evaluated', misses);
  const wasmMisses = uncached('wasm');
  report('uncached, wasm reference: every decision a Cedar wasm call', wasmMisses);

  // A skewed mix: a few principals and resources are asked about far more often than the rest.
  const mixed = fresh().authorizer;
  const order = Array.from({ length: decisions }, () => Math.floor(requests.length * Math.random() ** 3));
  const mix = measure(decisions, (i) => {
    const [p, a, r, c] = requests[order[i]];
    mixed.isAllowed(p, a, r, c);
  });
  const stats = mixed.cacheStats();
  report(`skewed mix from a cold cache (${((100 * stats.hits) / (stats.hits + stats.misses)).toFixed(1)}% hits)`, mix);

  const hits = measure(decisions, (i) => {
    const [p, a, r, c] = requests[i % requests.length];
    mixed.isAllowed(p, a, r, c);
  });
  report('cached: every decision a hit', hits);

  const ports = [...model.products.values()].flatMap((p) =>
    p.outputPorts.map((o) => ({ productId: p.id, port: o.name, major: o.major })),
  );
  const plans = principals.flatMap((p) => ports.map((port) => [p, port]));
  const planner = fresh().authorizer;
  const coldPlans = measure(plans.length, (i) => planner.planRead(plans[i][0], plans[i][1]));
  report('planRead, cold (query + readClear per masked column + readAllRows)', coldPlans, 'plans');
  const warmPlans = measure(plans.length * 20, (i) => planner.planRead(...plans[i % plans.length]));
  report('planRead, cached', warmPlans, 'plans');

  // Baselines: Cedar called directly, as an integration without Meshwork's restructuring would.
  const entities = meshEntities(model, principals);
  const policySet = { staticPolicies: Object.fromEntries(policies.map((p) => [p.id, p.text])) };
  cedar.preparsePolicySet('bench-baseline', policySet);
  // Each baseline call takes milliseconds: a sample spread over the workload is enough.
  const sample = requests.filter((_, i) => i % Math.ceil(requests.length / 200) === 0);
  const call = (extra) => (i) => {
    const [p, a, r] = sample[i % sample.length];
    cedar[extra.preparsedPolicySetId ? 'statefulIsAuthorized' : 'isAuthorized']({
      principal: { type: p.kind === 'service' ? 'Meshwork::ServiceAccount' : 'Meshwork::User', id: p.id },
      action: { type: 'Meshwork::Action', id: a },
      resource: uidOf(r),
      context: { hasAgreement: false, agreementPurposes: [] },
      entities,
      ...extra,
    });
  };
  const full = measure(sample.length, call({ preparsedPolicySetId: 'bench-baseline' }));
  report(`baseline: preparsed policies, whole mesh as entities (${entities.length})`, full);
  const naive = measure(Math.min(sample.length, 100), call({ policies: policySet, schema: CEDAR_SCHEMA }));
  report('baseline: policy text and schema parsed per call, whole mesh as entities', naive);
  console.log(
    `  ratio cached / whole-mesh baseline: ${(hits.perSecond / full.perSecond).toFixed(0)}x; uncached compiled / whole-mesh baseline: ${(misses.perSecond / full.perSecond).toFixed(1)}x; uncached compiled / uncached wasm: ${(misses.perSecond / wasmMisses.perSecond).toFixed(1)}x`,
  );
  console.log(
    `  target (uncached, policies parsed once): >= 20,000 decisions/s and p99 < 1 ms: ${misses.perSecond >= 20_000 && misses.p99 < 1000 ? 'met' : 'NOT met'} (${Math.round(misses.perSecond).toLocaleString('en')}/s, p99 ${misses.p99.toFixed(1)} µs)`,
  );
  return { misses, wasmMisses, mix, hits, coldPlans, warmPlans, full, naive };
}

let missAuthorizer;

/** Runs `fn(i)` for i < n, timing each call; `setup` runs first, untimed. */
function measure(n, fn, setup = () => {}) {
  setup();
  const times = new Float64Array(n);
  const start = performance.now();
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    fn(i);
    times[i] = performance.now() - t;
  }
  const total = performance.now() - start;
  times.sort();
  const at = (q) => times[Math.min(n - 1, Math.floor(n * q))] * 1000;
  return { n, perSecond: (n / total) * 1000, p50: at(0.5), p99: at(0.99) };
}

function report(label, { n, perSecond, p50, p99 }, unit = 'decisions') {
  console.log(
    `  ${label}: ${Math.round(perSecond).toLocaleString('en')} ${unit}/s, p50 ${p50.toFixed(1)} µs, p99 ${p99.toFixed(1)} µs (${n.toLocaleString('en')} ${unit})`,
  );
}

function agreementContext(purpose) {
  return { purpose, agreements: [{ id: 'bench', purpose, endsAt: '9999-12-31T00:00:00Z' }] };
}

function uidOf(resource) {
  const port = (r) => `${r.port.productId}/${r.port.port}@${r.port.major}`;
  if (resource.kind === 'product') return { type: 'Meshwork::Product', id: resource.productId };
  if (resource.kind === 'port') return { type: 'Meshwork::OutputPort', id: port(resource) };
  return { type: 'Meshwork::Column', id: `${port(resource)}/${resource.column}` };
}

/** Every principal and resource of the mesh as Cedar entities (a plain, unflattened hierarchy). */
function meshEntities(model, principals) {
  const entity = (type, id, attrs, parents) => ({
    uid: { type: `Meshwork::${type}`, id },
    attrs,
    parents: parents.map(([t, i]) => ({ type: `Meshwork::${t}`, id: i })),
  });
  const owner = (team) => (team ? { ownerTeam: { __entity: { type: 'Meshwork::Team', id: team } } } : {});
  const list = principals.map((p) => ({
    ...entity(p.kind === 'service' ? 'ServiceAccount' : 'User', p.id, { roles: [...p.roles] }, [
      ...p.teams.map((t) => ['Team', t]),
      ...p.groups.map((g) => ['Group', g]),
    ]),
    tags: Object.fromEntries(Object.entries(p.attributes).map(([k, v]) => [k, String(v)])),
  }));
  for (const d of model.domains.values())
    list.push(entity('Domain', d.name, { name: d.name, tags: [...d.tags], ...owner(d.owner) }, []));
  for (const p of model.products.values()) {
    const common = {
      domain: p.domain,
      tags: [...p.tags],
      classification: 'internal',
      sensitivity: 1,
      ...owner(p.ownerTeam),
    };
    list.push(
      entity('Product', p.id, { ...common, archetype: p.archetype ?? 'source-aligned', status: p.status }, [
        ['Domain', p.domain],
      ]),
    );
    for (const o of p.outputPorts) {
      const id = `${p.id}/${o.name}@${o.major}`;
      list.push(
        entity(
          'OutputPort',
          id,
          { ...common, productId: p.id, name: o.name, major: o.major, status: 'active', deprecated: false },
          [['Product', p.id]],
        ),
      );
      for (const c of o.contract?.tables[0]?.columns ?? []) {
        const classification = c.classification?.toLowerCase() ?? 'unclassified';
        list.push(
          entity('Column', `${id}/${c.name}`, { ...common, name: c.name, productId: p.id, classification }, [
            ['OutputPort', id],
          ]),
        );
      }
    }
  }
  return list;
}
