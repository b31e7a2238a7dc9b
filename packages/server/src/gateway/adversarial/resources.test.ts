/**
 * Adversarial: exhausting the gateway. Long-running queries stop at the time limit (MW5010),
 * oversized texts and trees are refused (MW5017), results stop at the row/byte limits (truncated
 * or MW5012), a principal cannot run more than its share (MW5013), cancellation works (MW5011),
 * memory bombs end with an error — and after each, the gateway answers the next query.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QueryStream } from '../gateway-types.js';
import { ana, ben, createAdversary, type Adversary } from './adversary.js';

const LIMITS = { timeoutMs: 1500, maxRows: 1000, maxBytes: 1_000_000, maxConcurrentPerPrincipal: 2 };
const SLOW = 'SELECT count(*) FROM range(1000000000000)';

let adv: Adversary;
beforeAll(async () => {
  adv = await createAdversary(LIMITS);
});
afterAll(async () => adv?.fixture.dispose());

/** Drains a stream, returning the error that ended it (if any). */
async function drain(stream: QueryStream): Promise<unknown> {
  try {
    for await (const chunk of stream.chunks()) void chunk;
    return undefined;
  } catch (error) {
    return error;
  }
}

async function stillAnswers(): Promise<void> {
  expect(await adv.rows(ana, 'SELECT 42 AS answer')).toEqual([{ answer: 42 }]);
}

describe('time', () => {
  it.each([
    SLOW,
    'SELECT sleep_ms(600000)',
    'SELECT sum(a.range * b.range) FROM range(100000) a, range(100000) b',
    'WITH RECURSIVE r AS (SELECT 1 AS n UNION ALL SELECT n + 1 FROM r) SELECT count(*) FROM r',
  ])('stops %s at the time limit (MW5010)', async (sql) => {
    // Each of these runs for hours unstopped: MW5010 is the timer's doing (no clock is read here).
    const error = await adv.refused(ana, sql, 'MW5010');
    expect(error.message).toContain('(1,500 ms)');
    await stillAnswers();
  });

  it('stops a query whose time ran out before DuckDB started it (during authorization)', async () => {
    // The agreement lookup answers after the time limit: the interrupt reaches a connection with
    // nothing running yet, which DuckDB forgets. The query would then run for hours (this test
    // would time out); it is stopped because the gateway sends the interrupt again.
    const slowLookup = {
      activeAgreements: () => new Promise<never[]>((resolve) => setTimeout(() => resolve([]), 300)),
    };
    const gateway = await adv.fixture.gateway(adv.authorizer, { ...LIMITS, timeoutMs: 100 }, undefined, slowLookup);
    const stream = gateway.stream(ana, { sql: 'SELECT count(*) FROM sales.orders, range(1000000000000)' });
    await expect(
      stream.then((s) => drain(s).then((e) => Promise.reject(e ?? new Error('no error')))),
    ).rejects.toMatchObject({
      code: 'MW5010',
    });
    await stillAnswers();
  });

  it('takes a shorter per-query limit, never a longer one', async () => {
    // The message names the limit that stopped the query.
    expect((await adv.refused(ana, SLOW, 'MW5010', { timeoutMs: 100 })).message).toContain('(100 ms)');
    expect((await adv.refused(ana, SLOW, 'MW5010', { timeoutMs: 10_000_000 })).message).toContain('(1,500 ms)');
  });
});

describe('size of the query', () => {
  it('refuses a text longer than the limit (MW5017)', async () => {
    await adv.refused(ana, `SELECT 1${' '.repeat(1_000_001)}`, 'MW5017');
  });

  it.each([
    ['nested subqueries', `SELECT ${'(SELECT '.repeat(300)}1${')'.repeat(300)}`],
    ['a long operator chain', `SELECT ${Array.from({ length: 3000 }, () => '1').join(' + ')}`],
    ['deeply nested calls', `SELECT ${'lower('.repeat(1500)}'x'${')'.repeat(1500)}`],
    ['a huge tree', `SELECT [${Array.from({ length: 100_000 }, () => '1').join(',')}]`],
  ])('refuses %s (MW5017)', async (_shape, sql) => {
    await adv.refused(ana, sql, 'MW5017');
    await stillAnswers();
  });
});

describe('size of the result', () => {
  it('truncates at the row limit by default', async () => {
    const stream = await adv.gateway.stream(ana, { sql: 'SELECT * FROM range(100000)' });
    expect(await drain(stream)).toBeUndefined();
    expect(stream.stats()).toMatchObject({ rows: 1000, truncated: true });
  });

  it('fails at the row limit when asked to (MW5012)', async () => {
    await adv.refused(ana, 'SELECT * FROM range(100000)', 'MW5012', { onLimit: 'fail' });
  });

  it('takes a smaller per-query row limit, never a larger one', async () => {
    expect(await adv.rows(ana, 'SELECT * FROM range(100000)', { maxRows: 10 })).toHaveLength(10);
    expect(await adv.rows(ana, 'SELECT * FROM range(100000)', { maxRows: 10_000_000 })).toHaveLength(1000);
  });

  it('stops at the byte limit', async () => {
    const stream = await adv.gateway.stream(
      ana,
      { sql: 'SELECT i, i + 1, i + 2 FROM range(100000) t(i)' },
      {
        maxBytes: 2400,
      },
    );
    expect(await drain(stream)).toBeUndefined();
    expect(stream.stats().truncated).toBe(true);
    expect(stream.stats().bytes).toBeLessThanOrEqual(2400);
  });
});

describe('concurrency and cancellation', () => {
  it('refuses a third concurrent query of one principal, not another principal’s (MW5013)', async () => {
    // The slot is taken when stream() is called and held while the query runs.
    const controllers = [new AbortController(), new AbortController()];
    const running = controllers.map((c) =>
      adv.gateway.stream(ana, { sql: SLOW }, { signal: c.signal }).then(drain, (error: unknown) => error),
    );
    try {
      await adv.refused(ana, 'SELECT 1', 'MW5013');
      expect(await adv.rows(ben, 'SELECT count(*) AS n FROM sales.orders')).toEqual([{ n: '1' }]);
    } finally {
      for (const c of controllers) c.abort();
      // Cancelled — or timed out first on a slow machine; either way the slots come back.
      for (const error of await Promise.all(running)) {
        expect(['MW5010', 'MW5011']).toContain((error as { code?: string } | undefined)?.code);
      }
    }
    await stillAnswers();
  });

  it('cancels through an AbortSignal (MW5011)', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    // MW5011, not the time limit's MW5010: the abort stopped it (no clock is read here).
    await adv.refused(ana, SLOW, 'MW5011', { signal: controller.signal });
    await stillAnswers();
  });

  it('does not start a query whose signal is already aborted (MW5011)', async () => {
    const controller = new AbortController();
    controller.abort();
    await adv.refused(ana, 'SELECT 1', 'MW5011', { signal: controller.signal });
    await stillAnswers();
  });
});

describe('list amplifiers are refused before DuckDB folds them outside every limit', () => {
  it.each([
    'SELECT list_sum(range(1000000000))',
    'SELECT len(generate_series(1, 3000000000))',
    'SELECT list_resize([1], 2000000000)',
  ])('refuses %s', async (sql) => {
    await adv.refused(ana, sql, ['MW5007']);
    await stillAnswers();
  });
});

describe('memory bombs', () => {
  it.each([
    "SELECT length(repeat('x', 400000000)) AS n",
    "SELECT length(string_agg(repeat('x', 1000000), '')) FROM range(3000)",
    "SELECT repeat('x', 5000000000)",
    'SELECT count(DISTINCT repeat(i::VARCHAR, 10000)) FROM range(1000000) t(i)',
    "SELECT list(repeat('x', 100000)) FROM range(100000)",
  ])('ends %s with an error, and the gateway still answers', async (sql) => {
    await adv.refused(ana, sql, ['MW5009', 'MW5010', 'MW5011', 'MW5012']);
    await stillAnswers();
  });
});
