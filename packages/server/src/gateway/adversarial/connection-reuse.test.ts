/**
 * Adversarial: riding on a reused connection. The gateway serves one principal after another on
 * the same sandbox connection and reuses the statements it prepared. Nothing may carry over: a
 * principal always gets its own masks and row filters, however queries of several principals
 * interleave on one connection; a timed-out, cancelled or failed query's connection is closed,
 * never handed on; a cancel that arrives after its query ended stops nothing else.
 */
import { JsonDuckDBValueConverter } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../identity/principal.js';
import type { QueryStream } from '../gateway-types.js';
import { collectRows, type Row } from '../test-support/collect-rows.js';
import { grantAuthorizer } from '../test-support/grant-authorizer.js';
import {
  admin,
  ana,
  ben,
  CLEAR_VALUES,
  createAdversary,
  expectMasked,
  forbiddenFragments,
  PROFILES,
  VISIBLE_CUSTOMERS,
  type Adversary,
} from './adversary.js';

const SLOW = 'SELECT count(*) FROM range(1000000000000)';
/** ana and admin as the suite's grants have them: masked with EU rows, and clear with all rows. */
const GRANTS = {
  ana: { query: '*' as const },
  admin: {
    query: '*' as const,
    allRows: true,
    clear: ['email', 'phone', 'full_name', 'iban'].map((c) => `customers.profiles/${c}`),
  },
};
const PROFILES_SQL = 'SELECT customer_id, email, full_name, iban, region FROM customers.profiles ORDER BY customer_id';
const ORDERS_SQL = 'SELECT order_id, region FROM sales.orders ORDER BY order_id';

/** One idle connection: sequential queries all run on it, whoever sends them. */
let adv: Adversary;
let fragments: string[];
beforeAll(async () => {
  adv = await createAdversary(undefined, undefined, { maxIdleConnections: 1 });
  const visible = await adv.rows(ana, 'SELECT email, phone, full_name, iban FROM customers.profiles');
  fragments = forbiddenFragments(visible.flatMap((r) => Object.values(r).map(String)));
});
afterAll(async () => adv?.fixture.dispose());

async function drain(stream: QueryStream): Promise<unknown> {
  try {
    for await (const chunk of stream.chunks()) void chunk;
    return undefined;
  } catch (error) {
    return error;
  }
}

async function rowsOf(stream: QueryStream): Promise<Row[]> {
  const rows: Row[] = [];
  for await (const chunk of stream.chunks()) {
    for (const values of chunk.convertRows(JsonDuckDBValueConverter)) {
      rows.push(Object.fromEntries(stream.columns.map((c, i) => [c.name, values[i]])));
    }
  }
  return rows;
}

function expectAnasProfiles(rows: readonly Row[]): void {
  expect(rows.map((r) => r.customer_id)).toEqual(VISIBLE_CUSTOMERS);
  expect(rows.every((r) => r.region === 'EU')).toBe(true);
  expectMasked(rows, fragments);
}

function expectAdminsProfiles(rows: readonly Row[]): void {
  expect(rows.map((r) => r.customer_id)).toEqual(PROFILES.map((p) => p.customer_id));
  expect(rows.map((r) => r.email)).toEqual(PROFILES.map((p) => p.email));
  expect(rows.map((r) => r.iban)).toEqual(PROFILES.map((p) => p.iban));
}

describe('principals taking turns on one connection', () => {
  it('each always gets its own masks and row filters, over many alternations of the same text', async () => {
    const before = adv.gateway.poolStats();
    for (let round = 0; round < 40; round++) {
      expectAnasProfiles(await adv.rows(ana, PROFILES_SQL));
      expectAdminsProfiles(await adv.rows(admin, PROFILES_SQL));
      expect(await adv.rows(ben, ORDERS_SQL)).toEqual([{ order_id: 'o3', region: 'NA' }]);
      expect((await adv.rows(ana, ORDERS_SQL)).map((r) => r.region)).toEqual(['EU', 'EU', 'EU']);
    }
    const after = adv.gateway.poolStats();
    // They did share one connection and its statements: one statement per distinct governed text
    // (ana's and admin's profiles, ben's and ana's orders), every other execution a reuse.
    expect(after.opened - before.opened).toBe(0);
    expect(after.statementMisses - before.statementMisses).toBeLessThanOrEqual(4);
    expect(after.statementHits - before.statementHits).toBeGreaterThanOrEqual(156);
  });

  it('with parameters, each execution binds its own values under its own principal', async () => {
    const sql = 'SELECT customer_id, email FROM customers.profiles WHERE customer_id = $1';
    for (let round = 0; round < 20; round++) {
      const id = round % 2 === 0 ? 'c1' : 'c2';
      const asAna = await adv.rows(ana, { sql, parameters: [id] });
      const asAdmin = await adv.rows(admin, { sql, parameters: [id] });
      expect(asAdmin).toEqual([{ customer_id: id, email: PROFILES.find((p) => p.customer_id === id)!.email }]);
      // c2 is in NA: ana does not see it at all; c1 she sees masked.
      if (id === 'c2') expect(asAna).toEqual([]);
      else {
        expect(asAna.map((r) => r.customer_id)).toEqual(['c1']);
        expectMasked(asAna, fragments);
      }
    }
  });

  it('interleaved concurrently over a few connections, still each their own', async () => {
    const gateway = await adv.fixture.gateway(grantAuthorizer(adv.fixture.model, GRANTS), undefined, {
      maxIdleConnections: 2,
    });
    // Waves of 12 (within the per-principal concurrency limit), ana and admin mixed.
    const principals: Principal[] = Array.from({ length: 12 }, (_, i) => (i % 3 === 0 ? admin : ana));
    for (let wave = 0; wave < 5; wave++) {
      const results = await Promise.all(principals.map((p) => collectRows(gateway, p, PROFILES_SQL)));
      results.forEach((rows, i) => (principals[i] === admin ? expectAdminsProfiles(rows) : expectAnasProfiles(rows)));
    }
    expect(gateway.poolStats().idle).toBeLessThanOrEqual(2);
    expect(gateway.poolStats().statementHits).toBeGreaterThan(0);
  });

  it('a masked principal is never served the statement prepared for the same text in clear', async () => {
    const sql = 'SELECT email FROM customers.profiles WHERE customer_id = $1';
    const asAdmin = await adv.rows(admin, { sql, parameters: ['c1'] });
    const misses = adv.gateway.poolStats().statementMisses;
    const asAna = await adv.rows(ana, { sql, parameters: ['c1'] });
    expect(adv.gateway.poolStats().statementMisses).toBe(misses + 1);
    expect(asAdmin).toEqual([{ email: 'jane.doe@example.com' }]);
    expect(CLEAR_VALUES).not.toContain(asAna[0]!.email);
    expectMasked(asAna, fragments);
  });
});

describe('what is never handed on', () => {
  async function nextQueriesRunOnAFreshConnection(closedBefore: number): Promise<void> {
    expect(adv.gateway.poolStats().closed).toBe(closedBefore + 1);
    const opened = adv.gateway.poolStats().opened;
    for (let i = 0; i < 10; i++) expectAnasProfiles(await adv.rows(ana, PROFILES_SQL));
    expect(adv.gateway.poolStats().opened).toBe(opened + 1);
  }

  it('the connection of a query stopped at its time limit is closed; the next queries run to the end', async () => {
    const closed = adv.gateway.poolStats().closed;
    await adv.refused(ana, SLOW, 'MW5010', { timeoutMs: 100 });
    await nextQueriesRunOnAFreshConnection(closed);
  });

  it('the connection of a cancelled query is closed; the next queries run to the end', async () => {
    const closed = adv.gateway.poolStats().closed;
    const controller = new AbortController();
    const running = adv.gateway.stream(ana, { sql: SLOW }, { signal: controller.signal });
    controller.abort();
    const error = await running.then(drain, (e: unknown) => e);
    expect((error as { code?: string }).code).toBe('MW5011');
    await nextQueriesRunOnAFreshConnection(closed);
  });

  it('the connection of a failed query is closed', async () => {
    const closed = adv.gateway.poolStats().closed;
    await adv.refused(ana, 'SELECT no_such_column FROM customers.profiles', 'MW5009');
    await nextQueriesRunOnAFreshConnection(closed);
  });

  it('a cancel or abort after its query ended stops nothing on the connection’s next user', async () => {
    const controller = new AbortController();
    const finished = await adv.gateway.stream(ana, { sql: PROFILES_SQL }, { signal: controller.signal });
    expect(await drain(finished)).toBeUndefined();
    const opened = adv.gateway.poolStats().opened;
    const next = adv.gateway.stream(admin, { sql: PROFILES_SQL });
    finished.cancel();
    controller.abort();
    expectAdminsProfiles(await rowsOf(await next));
    expect(adv.gateway.poolStats().opened).toBe(opened);
  });
});

describe('close', () => {
  it('closes every pooled connection', async () => {
    const gateway = await adv.fixture.gateway(grantAuthorizer(adv.fixture.model, GRANTS), undefined, {
      maxIdleConnections: 4,
    });
    await Promise.all(Array.from({ length: 6 }, () => collectRows(gateway, ana, PROFILES_SQL)));
    expect(gateway.poolStats().idle).toBeGreaterThan(0);
    await gateway.close();
    const stats = gateway.poolStats();
    expect(stats).toMatchObject({ idle: 0, leased: 0 });
    expect(stats.closed).toBe(stats.opened);
  });
});
