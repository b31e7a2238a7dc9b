// Benchmark: the incident list (`GET /api/v1/incidents`) at 100,000 products. A SQLite metadata
// store with N generated products in 50 domains: most have been fresh since their first run
// (unknown → fresh), a few percent have incident histories over 90 days — stale and failing
// spells, escalations, unknown gaps, failed runs behind failing transitions, some still open. A
// consumer who may not discover one domain pages the list as the server does: through the
// store's breach index (`breachIncidentPage`, the route's path) and, in the same run, alternating
// round by round, through the old per-product derivation (every discoverable product's history,
// then a page of the sorted list). Reports p50/p95 of the first page, of a deep page (50 pages
// in) and of the portal's `status=open`, with ratios; the pages are checked to be the same.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { ms, percentile, table } from './stats.js';
import { random } from './seeded-random.js';

const DOMAINS = 50;
const HIDDEN_DOMAIN = 'd007';
const DAY = 86_400_000;
const START = Date.UTC(2026, 0, 1);

/** Writes products, status histories and failed runs straight into the migrated database. */
function generate(path, products, incidentShare) {
  const rand = random(5);
  const db = new Database(path);
  const product = db.prepare(
    `insert into products (id, domain, name, urn, archetype, status, owner_team, current_version, registered_at, updated_at)
     values (?, ?, ?, ?, 'source-aligned', 'active', ?, '1.0.0', ?, ?)`,
  );
  const status = db.prepare(
    'insert into product_status_history (product_id, seq, status, reason, at) values (?, ?, ?, ?, ?)',
  );
  const run = db.prepare(
    `insert into runs (id, product_id, trigger, requested_by, parameters, status, started_at, finished_at, rows_in,
       rows_out, error_code, error_message, steps, checks, outputs)
     values (?, ?, 'schedule', 'scheduler', '{}', 'failed', ?, ?, 10, 0, 'MW8006', 'blocking contract checks failed', '[]', ?, '[]')`,
  );
  const checks = JSON.stringify([
    { blocking: true, id: 'quality:id:no_nulls', message: 'nullValues of "id" is 3', status: 'failed' },
  ]);
  const iso = (t) => new Date(t).toISOString();
  const counts = { histories: 0, transitions: 0, runs: 0 };
  db.transaction(() => {
    for (let i = 0; i < products; i++) {
      const domain = `d${String(i % DOMAINS).padStart(3, '0')}`;
      const id = `${domain}.p${i}`;
      const registered = START + Math.floor(rand() * DAY);
      product.run(
        id,
        domain,
        `p${i}`,
        `urn:meshwork:${domain}:p${i}`,
        `${domain}-team`,
        iso(registered),
        iso(registered),
      );
      let seq = 0;
      const record = (value, t, reason) => {
        status.run(id, ++seq, value, reason, iso(t));
        counts.transitions += 1;
      };
      const failedRun = (t) => {
        run.run(randomUUID(), id, iso(t - 60_000), iso(t - 1_000), checks);
        counts.runs += 1;
      };
      let t = registered;
      record('unknown', t, 'never built');
      record('fresh', (t += 3_600_000), 'snapshot 1 min old');
      if (rand() >= incidentShare) continue;
      counts.histories += 1;
      const spells = 3 + Math.floor(rand() * 13);
      for (let s = 0; s < spells; s++) {
        t += Math.floor(rand() * 6 * DAY) + 60_000;
        const failing = rand() < 0.5;
        if (failing) failedRun(t);
        record(failing ? 'failing' : 'stale', t, failing ? 'run failed: MW8006' : 'newest snapshot 130 min old');
        if (!failing && rand() < 0.3) {
          failedRun((t += 3_600_000));
          record('failing', t, 'run failed: MW8006');
        }
        if (rand() < 0.1) record('unknown', (t += 600_000), 'no snapshot');
        if (rand() < 0.2) failedRun((t += 1_800_000));
        // The last spell stays open for some products.
        if (s === spells - 1 && rand() < 0.15) break;
        record('fresh', (t += Math.floor(rand() * DAY) + 60_000), 'snapshot 1 min old');
      }
    }
  })();
  db.close();
  return counts;
}

async function time(fn) {
  const started = performance.now();
  const value = await fn();
  return { ms: performance.now() - started, value };
}

export async function incidentsBench({ products = 100_000, rounds = 5, samples = 10, incidentShare = 0.04 } = {}) {
  const server = await import('@meshwork/server');
  const dir = await mkdtemp(join(tmpdir(), 'meshwork-incidents-bench-'));
  try {
    const path = join(dir, 'meshwork.db');
    await (await server.createMetadataStore({ kind: 'sqlite', path })).close();
    let started = performance.now();
    const counts = generate(path, products, incidentShare);
    console.log(
      `  ${products.toLocaleString('en')} products, ${counts.histories.toLocaleString('en')} with incident histories; ` +
        `${counts.transitions.toLocaleString('en')} status transitions, ${counts.runs.toLocaleString('en')} failed runs ` +
        `(generated in ${ms(performance.now() - started)} ms)`,
    );
    const store = await server.createMetadataStore({ kind: 'sqlite', path });
    try {
      const visible = (id) => !id.startsWith(`${HIDDEN_DOMAIN}.`);
      const ids = [];
      for (let i = 0; i < products; i++) {
        const domain = `d${String(i % DOMAINS).padStart(3, '0')}`;
        if (domain !== HIDDEN_DOMAIN) ids.push(`${domain}.p${i}`);
      }
      const limit = 100;
      const viaIndex = (after, status) =>
        server.breachIncidentPage(store, { visible, limit, ...(after && { after }), ...(status && { status }) });
      const perProduct = async (after, status) =>
        server.incidentPage(await server.listIncidents(store, ids, status), limit, after);

      // The deep page's cursor: 50 pages in, through the index (its cursors work for both).
      let deep;
      for (let page = 0; page < 50; page++) deep = (await viaIndex(deep)).next;
      const cases = [
        { name: 'first page', after: undefined, status: undefined },
        { name: 'deep page (50 pages in)', after: deep, status: undefined },
        { name: 'first page, status=open', after: undefined, status: 'open' },
      ];
      const fast = cases.map(() => []);
      const slow = cases.map(() => []);
      started = performance.now();
      for (let round = 0; round < rounds; round++) {
        for (const [c, { after, status }] of cases.entries()) {
          for (let s = 0; s < samples; s++) fast[c].push((await time(() => viaIndex(after, status))).ms);
          const old = await time(() => perProduct(after, status));
          slow[c].push(old.ms);
          if (round === 0) {
            // The same incidents; a page through the index may end early at its scan limit.
            const now = await viaIndex(after, status);
            const same = JSON.stringify(now.items) === JSON.stringify(old.value.items.slice(0, now.items.length));
            if (!same || now.items.length === 0) throw new Error(`${cases[c].name}: the two paths disagree`);
            if (now.items.length < limit) console.log(`  ${cases[c].name}: ${now.items.length} incidents (scan limit)`);
          }
        }
      }
      const rows = [];
      const ratios = [];
      for (const [c, { name }] of cases.entries()) {
        const [f50, f95, s50, s95] = [
          percentile(fast[c], 50),
          percentile(fast[c], 95),
          percentile(slow[c], 50),
          percentile(slow[c], 95),
        ];
        rows.push([ms(f50), ms(f95), fast[c].length, `${name}: breach index`]);
        rows.push([ms(s50), ms(s95), slow[c].length, `${name}: baseline, per-product derivation`]);
        ratios.push(`${name} p50 ${(s50 / f50).toFixed(0)}×, p95 ${(s95 / f95).toFixed(0)}×`);
      }
      console.log(table(['p50 ms', 'p95 ms', 'n', `${limit} incidents a page, one domain hidden`], rows));
      console.log(`  ratio baseline/index: ${ratios.join('; ')} (${ms(performance.now() - started)} ms in all)`);
    } finally {
      await store.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await incidentsBench({ products: Number(process.env.BENCH_INCIDENTS_PRODUCTS ?? 100_000) });
}
