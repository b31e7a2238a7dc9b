/**
 * `mesh export trino` on the demo mesh, built small: the files Trino needs, validated; the demo's
 * analysts filtered to their region and its PII masked exactly as the gateway masks it (checked
 * on real rows: the Trino masks applied to what the owner sees in clear give what ana sees); and
 * the command's errors for a missing folder, a busy folder, an unknown catalog and a bad URL.
 */
import { cp, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createLocalWarehouse,
  listTrinoTables,
  loadWorkspaceFromDisk,
  RelationCatalog,
  validateTrinoCatalogProperties,
  validateTrinoRules,
  type TrinoExportResult,
  type TrinoRules,
  type TrinoTableRule,
} from '@meshwork/server';
import { parseTrinoExpression } from '../../server/src/trino/trino-expression-parser.js';
import { evaluateTrinoExpression } from '../../server/src/trino/test-support/trino-expression-evaluator.js';
import { runCli, type CliRun } from './test-support/run-cli.js';

const demo = join(import.meta.dirname, '../../../examples/demo-mesh');
let parent: string;
let root: string;
let exported: CliRun;
let rules: TrinoRules;

beforeAll(async () => {
  parent = await mkdtemp(join(tmpdir(), 'meshwork-trino-cli-'));
  root = join(parent, 'demo-mesh');
  await cp(demo, root, { recursive: true, filter: (src) => !src.includes('.meshwork') && !src.includes('/data/') });
  const built = await runCli(['demo', root, '--no-serve', '--scale', '0.02'], root);
  expect(built.code, built.stderr).toBe(0);
  exported = await mesh('export', 'trino', join(parent, 'trino'));
  rules = JSON.parse(await readFile(join(parent, 'trino', 'rules.json'), 'utf8')) as TrinoRules;
}, 240_000);
afterAll(() => rm(parent, { recursive: true, force: true }));

const mesh = (...args: string[]) => runCli(args, root);
const ruleOf = (user: string, table: string): TrinoTableRule | undefined =>
  rules.tables!.find((r) => r.user === user && `${r.schema}.${r.table}` === table);

async function rows(sql: string, as: string): Promise<string[][]> {
  const run = await mesh('query', sql, '--as', as, '--format', 'json');
  expect(run.code, run.stderr).toBe(0);
  return (JSON.parse(run.stdout) as { rows: string[][] }).rows;
}

describe('mesh export trino <dir> on the demo mesh', () => {
  it('writes the catalog, the access control and the rules, and says the rules are a secret', async () => {
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stdout).toContain('Wrote Trino files to');
    expect(exported.stdout).toMatch(/rules\.json +the rules \(mode 0600\): they hold the masking key — a secret/);
    expect(exported.stdout).toMatch(
      /These rules hold until \d{4}-\d\d-\d\dT[\d:.]+Z, when .*: export again before then/,
    );
    // The demo's BI service account reads a finance product under an agreement: its end is printed.
    expect(exported.stdout).toMatch(/agreement [0-9a-f-]{36} of bi-dashboards on finance\.\w+ ends/);
    expect((await stat(join(parent, 'trino', 'rules.json'))).mode & 0o777).toBe(0o600);
    const catalog = await readFile(join(parent, 'trino', 'catalog', 'meshwork.properties'), 'utf8');
    expect(catalog).toContain('iceberg.rest-catalog.uri=http://127.0.0.1:8080/iceberg\n');
    expect(catalog).toContain('iceberg.rest-catalog.oauth2.token=${ENV:MESHWORK_TRINO_TOKEN}\n');
    expect(validateTrinoCatalogProperties(catalog, 'catalog/meshwork.properties')).toEqual([]);
    expect(await readFile(join(parent, 'trino', 'access-control.properties'), 'utf8')).toContain(
      'access-control.name=file\nsecurity.config-file=/etc/trino/rules.json\n',
    );
  });

  it('the rules validate against the tables the Iceberg catalog serves', async () => {
    const { model } = await loadWorkspaceFromDisk(root, {});
    const warehouse = createLocalWarehouse({ root: join(root, '.meshwork', 'warehouse') });
    const { tables } = await listTrinoTables(new RelationCatalog(model, warehouse));
    expect(tables.length).toBeGreaterThan(15);
    expect(validateTrinoRules(rules, { catalog: 'meshwork', tables })).toEqual([]);
  });

  it('analysts see their own region; a service account without one sees no rows', () => {
    expect(ruleOf('ana', 'sales.orders')?.filter).toBe(`"region" = 'EU'`);
    expect(ruleOf('ben', 'sales.orders')?.filter).toBe(`"region" = 'NA'`);
    expect(ruleOf('bi-dashboards', 'customers.customer_360')?.filter).toBe('FALSE');
  });

  it('a product that needs an agreement has no rule for a consumer without one', () => {
    expect(ruleOf('ana', 'customers.customer_profile')).toBeUndefined();
    expect(ruleOf('pia', 'customers.customer_profile')).toBeDefined(); // the owning team
  });

  it('the last rules deny everything else', () => {
    expect(rules.tables!.at(-1)).toEqual({ privileges: [] });
    expect(rules.catalogs!.at(-1)).toEqual({ allow: 'none' });
  });

  it('the Trino masks, applied to what the owner sees in clear, give what the gateway shows ana', async () => {
    const rule = ruleOf('ana', 'customers.customer_360')!;
    const mask = (name: string) => parseTrinoExpression(rule.columns!.find((c) => c.name === name)!.mask!);
    expect(rule.columns!.find((c) => c.name === 'email')!.mask).toBe(
      `CASE WHEN "email" IS NULL THEN NULL WHEN strpos("email", '@') > 1 THEN substr("email", 1, 1) || '***' || substr("email", strpos("email", '@')) WHEN length("email") > 8 THEN '***' || substr("email", length("email") - 3) ELSE '***' END`,
    );
    const sql =
      "SELECT customer_id, full_name, email FROM customers.customer_360 WHERE region = 'EU' ORDER BY customer_id LIMIT 50";
    const [clear, masked] = [await rows(sql, 'pia'), await rows(sql, 'ana')];
    expect(masked.length).toBeGreaterThan(10);
    const trino = clear.map(([id, fullName, email]) => [
      id,
      evaluateTrinoExpression(mask('full_name'), { full_name: fullName ?? null }),
      evaluateTrinoExpression(mask('email'), { email: email ?? null }),
    ]);
    expect(trino).toEqual(masked);
    expect(masked[0]![1]).toMatch(/^tok_[0-9a-f]{20}$/);
  });

  it('--json prints the summary, without any secret', async () => {
    const run = await mesh(
      'export',
      'trino',
      join(parent, 'trino-json'),
      '--json',
      '--server-url',
      'https://mesh.example.com',
    );
    expect(run.code, run.stderr).toBe(0);
    const summary = JSON.parse(run.stdout) as TrinoExportResult;
    expect(summary.catalogUri).toBe('https://mesh.example.com/iceberg');
    expect(summary.users.find((u) => u.id === 'ana')).toMatchObject({
      kind: 'user',
      filteredTables: expect.any(Number),
    });
    expect(summary.holdsMaskingKey).toBe(true);
    const key = (await readFile(join(root, '.meshwork', 'masking.key'), 'utf8')).trim();
    expect(run.stdout).not.toContain(key);
  });
});

describe('bad input', () => {
  it('a missing folder argument', async () => {
    const run = await mesh('export', 'trino');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('error MW8380: `mesh export trino` needs the folder to write into');
  });

  it('a folder that is not empty, unless --force', async () => {
    const busy = join(parent, 'busy');
    await mkdir(busy);
    await writeFile(join(busy, 'node.properties'), 'node.environment=production\n');
    const refused = await mesh('export', 'trino', busy);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/error MW8381: .*busy is not empty \(node\.properties\); .*add --force/);
    expect((await mesh('export', 'trino', busy, '--force')).code).toBe(0);
    expect(await readFile(join(busy, 'node.properties'), 'utf8')).toBe('node.environment=production\n');
  });

  it('an unknown catalog name, with the one to use', async () => {
    const run = await mesh('export', 'trino', join(parent, 'nope'), '--catalog', 'lakehouse');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('error MW8382: unknown Iceberg catalog "lakehouse": this mesh serves "meshwork"');
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('a server URL that is not one', async () => {
    const run = await mesh('export', 'trino', join(parent, 'nope'), '--server-url', 'mesh:8080');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('error MW8385: --server-url "mesh:8080" is not an http(s) URL');
  });
});
