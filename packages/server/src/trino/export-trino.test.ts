/**
 * `exportTrino` on a published mesh with real policies, masks, a row filter and agreements in a
 * real metadata store: the files validate, each principal gets exactly what the gateway would
 * give it (or nothing), what cannot be translated exactly is withheld with a warning, and bad
 * requests fail with their codes.
 */
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeshModel } from '@meshwork/core';
import { RelationCatalog } from '../gateway/relation-catalog.js';
import { exportTrino, type TrinoExportOptions, type TrinoExportResult } from './export-trino.js';
import { createTrinoFixture, TRINO_FILTERS, TRINO_MASKS, type TrinoFixture } from './test-support/trino-fixture.js';
import { validateCatalogProperties } from './trino-properties.js';
import type { TrinoRules, TrinoTableRule } from './trino-rules-schema.js';
import { listTrinoTables, type TrinoTable } from './trino-tables.js';
import { validateTrinoRules } from './validate-trino-rules.js';

const KEY = Buffer.from('a1'.repeat(32), 'hex');
const BEN_ENDS = new Date('2031-01-01T00:00:00.000Z');
const ANA_STARTS = new Date('2030-01-01T00:00:00.000Z');

let fixture: TrinoFixture;
let out: string;
let result: TrinoExportResult;
let rules: TrinoRules;
let tables: readonly TrinoTable[];
let benAgreement: string;
let anaAgreement: string;
let exports = 0;

async function runExport(options: Partial<TrinoExportOptions> = {}, model: MeshModel = fixture.meshModel) {
  const dir = options.dir ?? join(out, `export-${++exports}`);
  const done = await exportTrino(
    {
      root: fixture.workspace.root,
      model,
      diagnostics: [],
      store: fixture.store,
      warehouse: fixture.warehouse,
      maskingKey: () => KEY,
    },
    { serverUrl: 'https://mesh.example.com', ...options, dir },
  );
  return { done, dir, rules: JSON.parse(await readFile(join(dir, 'rules.json'), 'utf8')) as TrinoRules };
}

const ruleOf = (document: TrinoRules, user: string, table: string): TrinoTableRule | undefined =>
  document.tables!.find((r) => r.user === user && `${r.schema}.${r.table}` === table);

beforeAll(async () => {
  fixture = await createTrinoFixture(KEY);
  out = await mkdtemp(join(tmpdir(), 'meshwork-trino-'));
  const day = 86_400_000;
  benAgreement = await fixture.agree(
    'ben',
    'customers.profiles',
    'churn analysis',
    new Date(Date.now() - day),
    BEN_ENDS,
  );
  anaAgreement = await fixture.agree('ana', 'customers.profiles', 'churn analysis', ANA_STARTS, new Date('2030-06-30'));
  const first = await runExport();
  ({ done: result, rules } = first);
  tables = (await listTrinoTables(new RelationCatalog(fixture.meshModel, fixture.warehouse))).tables;
}, 120_000);
afterAll(async () => {
  await fixture?.dispose();
  await rm(out, { recursive: true, force: true });
});

describe('the exported files', () => {
  it('rules.json validates against the documented structure and the catalog’s tables', () => {
    expect(tables.map((t) => `${t.schema}.${t.table}`)).toEqual(['customers.profiles', 'sales.orders']);
    expect(validateTrinoRules(rules, { catalog: 'meshwork', tables })).toEqual([]);
  });

  it('the catalog file points Trino at the REST catalog with the token placeholder, never a token', async () => {
    const text = await readFile(join(out, 'export-1', 'catalog', 'meshwork.properties'), 'utf8');
    expect(text.split('\n').filter((l) => l !== '' && !l.startsWith('#'))).toEqual([
      'connector.name=iceberg',
      'iceberg.catalog.type=rest',
      'iceberg.rest-catalog.uri=https://mesh.example.com/iceberg',
      'iceberg.rest-catalog.warehouse=meshwork',
      'iceberg.rest-catalog.security=OAUTH2',
      'iceberg.rest-catalog.oauth2.token=${ENV:MESHWORK_TRINO_TOKEN}',
      'iceberg.security=read_only',
    ]);
    expect(validateCatalogProperties(text, 'catalog/meshwork.properties')).toEqual([]);
    expect(result.engine).toBe('trino');
  });

  it('the access-control file names the rules file and a refresh period', async () => {
    const text = await readFile(join(out, 'export-1', 'access-control.properties'), 'utf8');
    expect(text).toContain(
      'access-control.name=file\nsecurity.config-file=/etc/trino/rules.json\nsecurity.refresh-period=1m\n',
    );
  });

  it('rules.json holds the masking key, so it is readable by its owner only', async () => {
    expect(result.holdsMaskingKey).toBe(true);
    expect(await readFile(join(out, 'export-1', 'rules.json'), 'utf8')).toContain(KEY.toString('hex'));
    expect((await stat(join(out, 'export-1', 'rules.json'))).mode & 0o777).toBe(0o600);
    expect((await stat(join(out, 'export-1', 'access-control.properties'))).mode & 0o777).toBe(0o644);
  });
});

describe('what each principal gets', () => {
  it('an analyst gets the row filter with their own region as a literal', () => {
    expect(ruleOf(rules, 'ana', 'sales.orders')).toEqual({
      user: 'ana',
      catalog: 'meshwork',
      schema: 'sales',
      table: 'orders',
      privileges: ['SELECT'],
      filter: `"region" = 'EU'`,
    });
    expect(ruleOf(rules, 'ben', 'sales.orders')?.filter).toBe(`"region" = 'NA'`);
  });

  it('under an agreement, masked columns carry the Trino form of each mask and the row filter holds', () => {
    const rule = ruleOf(rules, 'ben', 'customers.profiles')!;
    const masks = Object.fromEntries(rule.columns!.map((c) => [c.name, c.mask]));
    const hmac = `lower(to_hex(hmac_sha256(to_utf8("phone"), from_hex('${KEY.toString('hex')}'))))`;
    expect(masks).toEqual({
      email:
        `CASE WHEN "email" IS NULL THEN NULL WHEN strpos("email", '@') > 1 ` +
        `THEN substr("email", 1, 1) || '***' || substr("email", strpos("email", '@')) ` +
        `WHEN length("email") > 8 THEN '***' || substr("email", length("email") - 3) ELSE '***' END`,
      phone: `CASE WHEN "phone" IS NULL THEN NULL ELSE ${hmac} END`,
      full_name: expect.stringMatching(
        /^CASE WHEN "full_name" IS NULL THEN NULL ELSE 'tok_' \|\| substr\(lower\(to_hex\(hmac_sha256/,
      ),
      iban: `CASE WHEN "iban" IS NULL THEN NULL ELSE '****' END`,
      lifetime_value: 'CAST(NULL AS decimal(12,2))',
    });
    expect(rule.filter).toBe(`"region" = 'NA'`);
  });

  it('a user without access has no table rule: ana’s agreement has not started, restricted data needs one', () => {
    expect(ruleOf(rules, 'ana', 'customers.profiles')).toBeUndefined();
    expect(rules.tables!.filter((r) => r.user === 'nobody')).toEqual([]);
    expect(rules.catalogs!.find((r) => r.user === 'nobody')).toBeUndefined();
    expect(result.users.find((u) => u.id === 'nobody')?.tables).toEqual([]);
  });

  it('the owning team reads in clear, every row', () => {
    expect(ruleOf(rules, 'olga', 'customers.profiles')).toEqual({
      user: 'olga',
      catalog: 'meshwork',
      schema: 'customers',
      table: 'profiles',
      privileges: ['SELECT'],
    });
  });

  it('a principal lacking the attribute the filter reads sees no rows', () => {
    expect(ruleOf(rules, 'robot', 'sales.orders')?.filter).toBe('FALSE');
  });

  it('readers get the catalog read-only, and the last rules deny everything to everyone', () => {
    expect(rules.catalogs).toEqual([
      ...['ana', 'ben', 'gus', 'olga', 'robot'].map((user) => ({ user, catalog: 'meshwork', allow: 'read-only' })),
      { allow: 'none' },
    ]);
    expect(rules.tables!.at(-1)).toEqual({ privileges: [] });
    expect(rules.schemas).toEqual([{ owner: false }]);
  });

  it('agreements in force count; their ends and the starts of later ones are when to export again', () => {
    expect(result.renewals).toEqual([
      {
        at: ANA_STARTS.toISOString(),
        kind: 'agreement-starts',
        reason: `agreement ${anaAgreement} of ana on customers.profiles/profiles@1 starts`,
      },
      {
        at: BEN_ENDS.toISOString(),
        kind: 'agreement-ends',
        reason: `agreement ${benAgreement} of ben on customers.profiles ends`,
      },
    ]);
  });
});

describe('fail closed: what has no exact Trino form is withheld, with a warning naming the rule', () => {
  it('a keyed hash of a decimal column withholds the table from everyone it masks, not from the owners', async () => {
    await fixture.workspace.write(
      'policies/access/masking.yaml',
      TRINO_MASKS.replace(
        "match: { columns: ['*/*/lifetime_value'] }\n    strategy: 'null'",
        "match: { columns: ['*/*/lifetime_value'] }\n    strategy: hash",
      ),
    );
    try {
      const { done, rules: withheld } = await runExport();
      expect(ruleOf(withheld, 'ben', 'customers.profiles')).toBeUndefined();
      expect(ruleOf(withheld, 'gus', 'customers.profiles')).toBeUndefined();
      expect(ruleOf(withheld, 'olga', 'customers.profiles')).toBeDefined();
      const warnings = done.notes.filter((n) => n.code === 'MW8387').map((n) => n.message);
      expect(warnings).toEqual([
        expect.stringMatching(
          /^ben: customers\.profiles is withheld in Trino: mask value-null \(hash\) of column "lifetime_value" \(DECIMAL\(12,2\)\)/,
        ),
        expect.stringMatching(/^gus: customers\.profiles is withheld/),
      ]);
      expect(validateTrinoRules(withheld, { catalog: 'meshwork', tables })).toEqual([]);
    } finally {
      await fixture.workspace.write('policies/access/masking.yaml', TRINO_MASKS);
    }
  });

  it('a filter comparing a decimal column with a text attribute withholds the filtered tables', async () => {
    await fixture.workspace.write(
      'policies/access/row-filters.yaml',
      `${TRINO_FILTERS}  - id: amount-by-region\n    description: A filter Trino would type differently.\n    match: { column: amount }\n    filter: amount = principal.region\n`,
    );
    try {
      const { done, rules: withheld } = await runExport();
      expect(ruleOf(withheld, 'ana', 'sales.orders')).toBeUndefined();
      expect(ruleOf(withheld, 'gus', 'sales.orders')).toBeDefined(); // readAllRows: no filter at all
      expect(done.notes.filter((n) => n.code === 'MW8388').map((n) => n.message)).toContain(
        'ana: sales.orders is withheld in Trino: row filter amount-by-region has no exact equivalent — it compares column "amount" (decimal(12,2)) with principal.region (a text)',
      );
    } finally {
      await fixture.workspace.write('policies/access/row-filters.yaml', TRINO_FILTERS);
    }
  });
});

describe('bad requests', () => {
  it('a folder that holds files is refused without --force; with it only the Trino files change', async () => {
    const dir = join(out, 'busy');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'config.properties'), 'coordinator=true\n');
    await expect(runExport({ dir })).rejects.toMatchObject({ code: 'MW8381', kind: 'conflict' });
    await runExport({ dir, force: true });
    expect(await readFile(join(dir, 'config.properties'), 'utf8')).toBe('coordinator=true\n');
    expect((await stat(join(dir, 'rules.json'))).mode & 0o777).toBe(0o600);
  });

  it('an unknown catalog name is not found, with the one the mesh serves', async () => {
    await expect(runExport({ catalog: 'warehouse' })).rejects.toMatchObject({
      code: 'MW8382',
      kind: 'not-found',
      message: expect.stringContaining('this mesh serves "meshwork"'),
    });
  });

  it('a disabled catalog, an unknown engine and a bad server URL are input errors', async () => {
    const iceberg = (settings: object): MeshModel => ({
      ...fixture.meshModel,
      config: { ...fixture.meshModel.config, iceberg: settings },
    });
    await expect(runExport({}, iceberg({ disabled: true }))).rejects.toMatchObject({ code: 'MW8383' });
    await expect(runExport({}, iceberg({ engines: ['spark'] }))).rejects.toMatchObject({ code: 'MW8384' });
    await expect(runExport({ engine: 'robot' })).rejects.toMatchObject({ code: 'MW8384' });
    await expect(runExport({ serverUrl: 'mesh.example.com' })).rejects.toMatchObject({ code: 'MW8385' });
    await expect(runExport({ refreshPeriod: 'often' })).rejects.toMatchObject({ code: 'MW8385' });
  });

  it('a catalog named in mesh.yaml is the one exported, and no engine is a warning', async () => {
    const {
      done,
      dir,
      rules: named,
    } = await runExport(
      {},
      {
        ...fixture.meshModel,
        config: { ...fixture.meshModel.config, iceberg: { catalogName: 'acme' } },
      },
    );
    expect(done.files.map((f) => f.path)).toContain('catalog/acme.properties');
    expect(await readFile(join(dir, 'catalog', 'acme.properties'), 'utf8')).toContain(
      'iceberg.rest-catalog.warehouse=acme\n',
    );
    expect(named.catalogs![0]).toEqual({ user: 'ana', catalog: 'acme', allow: 'read-only' });
    expect(done.notes.map((n) => n.code)).toContain('MW8397');
  });

  it('access policies with errors are refused: their rules would deny everyone', async () => {
    await fixture.workspace.write('policies/access/broken.cedar', 'permit (principal, action, resource) when {');
    try {
      await expect(runExport()).rejects.toMatchObject({
        code: 'MW8386',
        diagnostics: [expect.objectContaining({ code: 'MW5501' })],
      });
    } finally {
      await rm(join(fixture.workspace.root, 'policies/access/broken.cedar'));
    }
  });
});
