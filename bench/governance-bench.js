// Benchmark (issue 6): 30 governance policies over a generated mesh of N products with 30-column
// contracts. Measures, in one process:
//   - the workspace load alone (the baseline every check pays first: `mesh validate`);
//   - the full check: policies compiled, facts built for every product (with a data profile per
//     column, as after a build), every policy evaluated, findings counted;
//   - re-checking one changed product in that loaded mesh (what a server or an editor does).
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateWorkspace } from './generate-workspace.js';
import { median } from './stats.js';

const CUSTOM = [
  ['tagged', 'product', 'product.tags.size() > 0'],
  ['titled', 'product', 'product.title.size() > 3'],
  ['versioned', 'product', 'semverMajor(product.version) >= 1'],
  ['has-ports', 'product', 'product.ports.size() > 0'],
  ['active', 'product', 'product.status in ["active", "deprecated", "draft"]'],
  ['frequency-slo', 'port', 'port.slos.exists(s, s.property == "frequency")'],
  ['port-has-columns', 'port', 'port.columns.size() > 0 && port.columns.size() < 500'],
  ['described-columns', 'column', 'column.description.size() >= 10'],
  ['no-double-pk', 'port', 'port.columns.filter(c, c.primaryKey).size() <= 1'],
  ['restricted-documented', 'column', '!(column.classification == "restricted") || column.description != ""'],
  ['short-names', 'column', 'column.name.size() <= 63'],
];

function policyFile(builtins) {
  const uses = builtins.map((use) => `  - id: ${use.slice('meshwork/'.length)}\n    use: ${use}\n`);
  const custom = CUSTOM.map(
    ([id, target, check]) =>
      `  - id: ${id}\n    description: ${id}\n    severity: warning\n    scope: { target: ${target} }\n    check: '${check}'\n`,
  );
  return `apiVersion: meshwork/v1\nkind: GovernancePolicies\npolicies:\n${[...uses, ...custom].join('')}`;
}

/** A data profile per column, as a build would record it: mostly clean, some personal-looking. */
function syntheticProfiles(core) {
  return (product, port) => {
    const map = new Map();
    const columns = port.contract?.tables.flatMap((t) => t.columns) ?? [];
    columns.forEach((column, i) => {
      map.set(column.name, {
        ...core.BLANK_PROFILE,
        sampled: 1000n,
        email: i % 11 === 0 ? 0.97 : 0,
        phone: i % 13 === 0 ? 0.6 : 0.01,
      });
    });
    return map;
  };
}

export async function governanceBench({ products = 10_000 } = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'meshwork-bench-gov-'));
  try {
    await generateWorkspace(dir, products);
    const core = await import('@meshwork/core');
    const server = await import('@meshwork/server');
    const builtins = [...core.BUILTIN_POLICIES.keys()];
    await mkdir(join(dir, 'policies/governance'), { recursive: true });
    await writeFile(join(dir, 'policies/governance/bench.yaml'), policyFile(builtins));

    const loadStarted = performance.now();
    const { model } = await server.loadWorkspaceFromDisk(dir, {});
    const loadMs = performance.now() - loadStarted;

    const sources = {
      masking: (ref) => (ref.column.classification === 'restricted' ? 'redact-restricted (redact)' : ''),
      openToConsumers: () => false,
      profile: syntheticProfiles(core),
    };
    const fullCheck = () => {
      const started = performance.now();
      const governance = server.loadGovernance(dir, model);
      const subjects = [...model.products.values()].map((p) => core.buildPolicySubject(model, p, sources));
      const report = core.evaluatePolicies(governance.policies, subjects, { waivers: governance.waivers.lookup });
      return {
        ms: performance.now() - started,
        report,
        policies: governance.policies.length,
        diagnostics: governance.diagnostics,
      };
    };
    const runs = [fullCheck(), fullCheck(), fullCheck()];
    const full = runs.map((r) => r.ms);
    const { report, policies, diagnostics } = runs[0];
    if (diagnostics.length > 0) throw new Error(`bench policies do not compile: ${diagnostics[0].message}`);

    const governance = server.loadGovernance(dir, model);
    const one = [...model.products.values()][Math.floor(products / 2)];
    const recheck = [];
    for (let i = 0; i < 20; i++) {
      const started = performance.now();
      core.evaluatePolicies(governance.policies, [core.buildPolicySubject(model, one, sources)], {
        waivers: governance.waivers.lookup,
      });
      recheck.push(performance.now() - started);
    }
    const targets = report.outcomes.length;
    console.log(
      `  mesh: ${products} products × 30 columns; ${policies} policies (${builtins.length} built-in, ${CUSTOM.length} custom)`,
    );
    console.log(`  load (validate) alone: ${loadMs.toFixed(0)} ms`);
    console.log(
      `  full check: median ${median(full).toFixed(0)} ms of 3 (target < 5000 ms); ${targets} product verdicts, ${report.findings.length} findings`,
    );
    console.log(
      `  ratio check / load: ${(median(full) / loadMs).toFixed(2)}x; load + check: ${(loadMs + median(full)).toFixed(0)} ms`,
    );
    console.log(
      `  re-check one product in the loaded mesh: median ${median(recheck).toFixed(2)} ms of 20 (target < 200 ms)`,
    );
    return { loadMs, fullMs: median(full), recheckMs: median(recheck) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
