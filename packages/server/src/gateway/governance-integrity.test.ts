/** Regressions for holes the adversarial review found in the rewrite and the stream lifecycle. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Authorizer } from '../access/access-types.js';
import { collectRows } from './test-support/collect-rows.js';
import { createGatewayFixture, type GatewayFixture } from './test-support/gateway-fixture.js';
import { grantAuthorizer, testPrincipal } from './test-support/grant-authorizer.js';

let fixture: GatewayFixture;
const ana = testPrincipal('ana', { region: 'EU' });

beforeAll(async () => {
  fixture = await createGatewayFixture();
});
afterAll(async () => fixture?.dispose());

it('refuses a product whose row filter names a column the snapshot lacks, instead of letting it bind to the query', async () => {
  const base = grantAuthorizer(fixture.model, { ana: { query: '*' } });
  const tenantFilter: Authorizer = {
    isAllowed: base.isAllowed,
    planRead: (principal, port, context) => {
      const decision = base.planRead(principal, port, context);
      if (!decision.allowed) return decision;
      return {
        allowed: true,
        plan: { ...decision.plan, rowFilters: [{ ruleId: 'tenant', sql: `"tenant" = 'acme'` }] },
      };
    },
  };
  const gateway = await fixture.gateway(tenantFilter);
  const lateral = `SELECT o.* FROM (SELECT 'acme' AS tenant) u, LATERAL (SELECT * FROM sales.orders) o`;
  await expect(collectRows(gateway, ana, lateral)).rejects.toMatchObject({ code: 'MW5019' });
  await expect(collectRows(gateway, ana, 'SELECT * FROM sales.orders')).rejects.toMatchObject({ code: 'MW5019' });
});

it('gives back the slot of a stream cancelled before anyone read it', async () => {
  const gateway = await fixture.gateway(grantAuthorizer(fixture.model, { ana: { query: '*' } }), {
    maxConcurrentPerPrincipal: 1,
  });
  for (let i = 0; i < 3; i++) {
    const stream = await gateway.stream(ana, { sql: 'SELECT * FROM range(10)' });
    stream.cancel();
  }
  expect(await collectRows(gateway, ana, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
});

it('fails a query whose error comes after the first rows, instead of ending it early as if complete', async () => {
  const gateway = await fixture.gateway(grantAuthorizer(fixture.model, { ana: { query: '*' } }));
  const sql = `SELECT CASE WHEN range < 500000 THEN range::VARCHAR ELSE 'x' END::INTEGER AS v FROM range(1000000)`;
  await expect(collectRows(gateway, ana, sql)).rejects.toMatchObject({ code: 'MW5009' });
});
