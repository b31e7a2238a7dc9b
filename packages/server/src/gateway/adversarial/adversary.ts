/**
 * Shared set-up of the adversarial suite: one fixture and gateway per test file, the principals
 * an attacker plays, the values that must never leak, and the helpers that assert either a
 * refusal (stable code, clean message) or a result the policy allows (masked values, own rows).
 *
 * Every refusal in the suite goes through `refused`, so every message is checked for what a user
 * must not see: warehouse paths, the rewritten SQL, masking key material, clear values of masked
 * columns and values of rows a filter removes — unless the user's own query text holds them.
 */
import { expect } from 'vitest';
import type { Principal } from '../../identity/principal.js';
import { defaultWarehouseRoot } from '../../warehouse/local/create-local-warehouse.js';
import type { GatewayQuery, QueryOptions } from '../gateway-types.js';
import type { GatewayLimits, GovernedQueryGateway } from '../query-gateway.js';
import type { SandboxPoolOptions } from '../sandbox-connection-pool.js';
import { collectRows, type Row } from '../test-support/collect-rows.js';
import {
  createGatewayFixture,
  ORDERS_CSV,
  PROFILES_CSV,
  type GatewayFixture,
  type GatewayFixtureOptions,
} from '../test-support/gateway-fixture.js';
import type { Authorizer } from '../../access/access-types.js';
import { grantAuthorizer, testPrincipal } from '../test-support/grant-authorizer.js';

/** The attacker: may query everything, sees pii masked, restricted redacted, and EU rows only. */
export const ana = testPrincipal('ana', { region: 'EU' });
/** May query orders (NA rows only); may not even discover profiles. */
export const ben = testPrincipal('ben', { region: 'NA' });
/** Sees everything in clear: the reference that the data is there to be hidden. */
export const admin = testPrincipal('admin', { region: 'EU' });
/** May query nothing. */
export const nobody = testPrincipal('nobody');

const GRANTS = {
  ana: { query: '*' as const },
  ben: { query: ['sales.orders'], hidden: ['customers.profiles'] },
  admin: {
    query: '*' as const,
    allRows: true,
    clear: ['email', 'phone', 'full_name', 'iban'].map((c) => `customers.profiles/${c}`),
  },
  nobody: { query: [] },
};

function csvRows(csv: string): Record<string, string>[] {
  const [header, ...lines] = csv.split('\n');
  const names = header!.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((v, i) => [names[i]!, v])));
}

export const PROFILES = csvRows(PROFILES_CSV);
export const ORDERS = csvRows(ORDERS_CSV);
export const MASKED_COLUMNS = ['email', 'phone', 'full_name', 'iban'] as const;
/** Every clear value of a masked column, of every row. */
export const CLEAR_VALUES = PROFILES.flatMap((row) => MASKED_COLUMNS.map((column) => row[column]!));
export const VISIBLE_CUSTOMERS = PROFILES.filter((r) => r.region === 'EU').map((r) => r.customer_id!);
export const VISIBLE_ORDERS = ORDERS.filter((r) => r.region === 'EU').map((r) => r.order_id!);
export const HIDDEN_PROFILES = PROFILES.filter((r) => r.region !== 'EU');
export const HIDDEN_ORDERS = ORDERS.filter((r) => r.region !== 'EU');

/** Values that identify a row ana may not see: ids, regions, amounts of hidden rows. */
const HIDDEN_ROW_MARKERS: readonly RegExp[] = [
  ...HIDDEN_PROFILES.flatMap((r) => [r.customer_id!, r.region!, r.lifetime_value!]),
  ...HIDDEN_ORDERS.flatMap((r) => [r.order_id!, r.amount!]),
].map((value) => new RegExp(`(?<![\\w.])${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w.])`));

export interface Refusal {
  readonly code: string;
  readonly message: string;
}

export interface Adversary {
  readonly fixture: GatewayFixture;
  readonly gateway: GovernedQueryGateway;
  /** The authorizer of `gateway`, for a test that needs a second gateway with the same grants. */
  readonly authorizer: Authorizer;
  readonly warehouseRoot: string;
  rows(principal: Principal, query: string | GatewayQuery, options?: QueryOptions): Promise<Row[]>;
  /** Runs a query that must be refused with one of `codes`; checks the message and returns it. */
  refused(
    principal: Principal,
    query: string | GatewayQuery,
    codes: string | readonly string[],
    options?: QueryOptions,
  ): Promise<Refusal>;
  /** Fails when `message` holds something the user must not see and did not write in `sql`. */
  expectCleanMessage(message: string, sql: string): void;
}

export async function createAdversary(
  limits?: Partial<GatewayLimits>,
  fixtureOptions?: GatewayFixtureOptions,
  connectionPool?: SandboxPoolOptions,
): Promise<Adversary> {
  const fixture = await createGatewayFixture(fixtureOptions);
  const authorizer = grantAuthorizer(fixture.model, GRANTS);
  const gateway = await fixture.gateway(authorizer, limits, connectionPool);
  const warehouseRoot = defaultWarehouseRoot(fixture.workspace.root);
  const secrets = secretStrings(fixture, warehouseRoot);
  const expectCleanMessage = (message: string, sql: string) => {
    const lowerSql = sql.toLowerCase();
    for (const secret of secrets) {
      if (lowerSql.includes(secret.toLowerCase())) continue; // the user wrote it
      expect(message.toLowerCase(), `message leaks "${secret}": ${message}`).not.toContain(secret.toLowerCase());
    }
    for (const marker of HIDDEN_ROW_MARKERS) {
      if (marker.test(sql)) continue;
      expect(message, `message names a hidden row (${String(marker)}): ${message}`).not.toMatch(marker);
    }
  };
  const rows = (principal: Principal, query: string | GatewayQuery, options?: QueryOptions) =>
    collectRows(gateway, principal, query, options);
  return {
    authorizer,
    fixture,
    gateway,
    warehouseRoot,
    rows,
    expectCleanMessage,
    refused: async (principal, query, codes, options) => {
      const sql = typeof query === 'string' ? query : query.sql;
      const outcome = await rows(principal, query, options).then(
        (result) => ({ result }),
        (error: unknown) => ({ error }),
      );
      if (!('error' in outcome)) {
        throw new Error(`expected a refusal of ${sql.slice(0, 200)}, got ${JSON.stringify(outcome.result)}`);
      }
      const error = outcome.error as { code?: unknown; message?: unknown };
      const refusal = { code: String(error.code), message: String(error.message) };
      expect([codes].flat(), `${sql.slice(0, 200)} → ${refusal.code} ${refusal.message}`).toContain(refusal.code);
      expectCleanMessage(refusal.message, sql);
      return refusal;
    },
  };
}

/** The strings no message may hold: paths, rewrite internals, key material, clear values. */
function secretStrings(fixture: GatewayFixture, warehouseRoot: string): string[] {
  const block = Buffer.alloc(64, 0);
  Buffer.from(fixture.maskingKey).copy(block);
  const pad = (byte: number) => Buffer.from(block.map((b) => b ^ byte)).toString('hex');
  return [
    warehouseRoot,
    fixture.workspace.root,
    '.meshwork',
    '.parquet',
    'read_parquet(',
    'mw_mask',
    'keyed_hash',
    'unhex(',
    'sha256(',
    'CASE WHEN',
    'LINE 1:',
    Buffer.from(fixture.maskingKey).toString('hex'),
    pad(0x36).slice(0, 32),
    pad(0x5c).slice(0, 32),
    ...CLEAR_VALUES,
  ];
}

/**
 * Fragments of clear values that a masked result must not contain: each clear value's substrings
 * of at least `min` characters (lower-cased) that no masked value ana may see also contains — a
 * partial mask shows `j***@example.com`, so `@example.com` is allowed, `e.doe@` is not.
 */
export function forbiddenFragments(allowedVisible: readonly string[], min = 6): string[] {
  const allowed = allowedVisible.map((v) => v.toLowerCase());
  const fragments = new Set<string>();
  for (const value of CLEAR_VALUES.map((v) => v.toLowerCase())) {
    for (let length = min; length <= value.length; length++) {
      for (let start = 0; start + length <= value.length; start++) {
        const fragment = value.slice(start, start + length);
        if (!allowed.some((a) => a.includes(fragment))) fragments.add(fragment);
      }
    }
  }
  // Keep only minimal fragments: a longer one holding a shorter forbidden one adds nothing.
  const holdsShorter = (f: string) => {
    for (let length = min; length < f.length; length++) {
      for (let start = 0; start + length <= f.length; start++) {
        if (fragments.has(f.slice(start, start + length))) return true;
      }
    }
    return false;
  };
  return [...fragments].filter((f) => !holdsShorter(f));
}

/** The first forbidden fragment found in `text` (as written or reversed), if any. */
export function findFragment(text: string, fragments: readonly string[]): string | undefined {
  const lower = text.toLowerCase();
  const reversed = [...lower].reverse().join('');
  return fragments.find((f) => lower.includes(f) || reversed.includes(f));
}

/** Asserts that rows hold masked values only: no clear value, no forbidden fragment of one. */
export function expectMasked(rows: readonly Row[], fragments: readonly string[]): void {
  const text = JSON.stringify(rows);
  expect(findFragment(text, fragments), text).toBeUndefined();
}
