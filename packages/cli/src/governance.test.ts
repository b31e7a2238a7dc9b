/**
 * Journey 4 (govern) end to end on the demo mesh, built small: check, test, simulate a new global
 * policy, enable it and see a publish refused naming the policy, file, line and field, waive it
 * (and see an expired waiver stop applying), a breaking change caught, a broken policy failing
 * closed, compliance now and over time, the audit trail, and the same through the HTTP API.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMetadataStore, metadataStoreConfig, startPlatform, loadWorkspaceFromDisk } from '@meshwork/server';
import { runCli } from './test-support/run-cli.js';

const demo = join(import.meta.dirname, '../../../examples/demo-mesh');
let root: string;

beforeAll(async () => {
  root = join(await mkdtemp(join(tmpdir(), 'meshwork-governance-')), 'demo-mesh');
  await cp(demo, root, { recursive: true, filter: (src) => !src.includes('.meshwork') && !src.includes('/data/') });
  const built = await runCli(['demo', root, '--no-serve', '--scale', '0.02'], root);
  expect(built.code, built.stderr).toBe(0);
}, 240_000);
afterAll(() => rm(join(root, '..'), { recursive: true, force: true }));

const mesh = (...args: string[]) => runCli(args, root, { MESHWORK_USER: 'gus' });
const json = async <T>(...args: string[]) => {
  const run = await mesh(...args, '--json');
  return { run, value: JSON.parse(run.stdout) as T };
};

/** Writes a file for the duration of `body`, then removes it (or restores what was there). */
async function withFile(path: string, text: string, body: () => Promise<void>): Promise<void> {
  const full = join(root, path);
  const before = await readFile(full, 'utf8').catch(() => undefined);
  await writeFile(full, text);
  try {
    await body();
  } finally {
    if (before === undefined) await rm(full);
    else await writeFile(full, before);
  }
}

async function audit(action: string) {
  const { model } = await loadWorkspaceFromDisk(root, {});
  const store = await createMetadataStore(metadataStoreConfig(root, model.config, undefined));
  try {
    return (await store.listAudit({ limit: 1000 })).items.filter((e) => e.action === action);
  } finally {
    await store.close();
  }
}

// A new global rule: personal data is kept at most three years. Finance keeps ten (its own
// domain policy), so its personal-data ports fail.
const RETENTION = `apiVersion: meshwork/v1
kind: GovernancePolicies
policies:
  - id: personal-data-retention
    description: Ports holding personal data keep it at most three years.
    rationale: GDPR storage limitation.
    severity: blocking
    scope: { target: port }
    where: port.containsPersonalData
    check: port.retentionDays >= 0.0 && port.retentionDays <= 1095.0
    message: '"port " + port.name + " keeps personal data " + string(int(port.retentionDays)) + " days"'
    field: /slaProperties
    fix: Shorten the retention of the port, or move the personal data out of it.
`;

interface CheckJson {
  ok: boolean;
  blocking: number;
  warnings: number;
  waived: number;
  findings: {
    policyId: string;
    productId: string;
    outcome: string;
    file: string;
    line?: number;
    pointer: string;
    message: string;
  }[];
  diagnostics: { code: string; file?: string; line?: number }[];
}

describe('mesh check on the demo mesh', () => {
  it('passes, listing the warnings with file, line and field', async () => {
    const { run, value } = await json<CheckJson>('check');
    expect(run.code, run.stderr).toBe(0);
    expect(value).toMatchObject({ ok: true, blocking: 0 });
    expect(value.warnings).toBeGreaterThan(0);
    const warning = value.findings.find((f) => f.policyId === 'column-descriptions' && f.outcome === 'fail')!;
    expect(warning).toMatchObject({
      outcome: 'fail',
      pointer: expect.stringMatching(/^\/schema\/0\/properties\/\d+\/description$/),
    });
    expect(warning.line).toBeGreaterThan(1);
    // The demo's waiver: carrier's missing description is waived for the logistics team.
    expect(value.findings.find((f) => f.policyId === 'column-descriptions' && f.outcome === 'waived')).toMatchObject({
      productId: 'logistics.delivery-performance',
      waiver: { owner: 'logistics-data', expires: '2027-03-31' },
    });
    const human = await mesh('check');
    expect(human.stdout).toMatch(/warning MW5702 column-descriptions/);
    expect(human.stdout).toMatch(
      /waived MW5702 column-descriptions {2}delivery_performance › delivery_performance\.carrier/,
    );
    expect(human.stdout).toMatch(/✓ 18 products, \d+ policies: 0 blocking/);
  });

  it('checks one product on its own', async () => {
    const { value } = await json<CheckJson>('check', 'sales/orders');
    expect(new Set(value.findings.map((f) => f.productId))).toEqual(
      new Set(value.findings.length ? ['sales.orders'] : []),
    );
    expect(value.ok).toBe(true);
  });

  it('runs the governance policy tests with the access policy tests', async () => {
    const { run, value } = await json<{
      ok: boolean;
      governance: { passed: number; failed: number; results: { policyId: string }[] };
    }>('policy', 'test');
    expect(run.code, run.stdout).toBe(0);
    expect(value.governance.failed).toBe(0);
    const tested = new Set(value.governance.results.map((r) => r.policyId));
    for (const id of [
      'column-descriptions',
      'finance-regulatory-retention',
      'pii-in-the-data',
      'breaking-needs-major',
    ]) {
      expect(tested).toContain(id);
    }
  });
});

describe('rolling out a global policy', () => {
  it('simulates it across the mesh without enabling it', async () => {
    await withFile('drafts-retention.yaml', RETENTION, async () => {
      const { run, value } = await json<{
        policies: { id: string; status: string; failing: string[]; passing: number }[];
      }>('policy', 'simulate', 'drafts-retention.yaml');
      expect(run.code, run.stderr).toBe(0);
      expect(value.policies).toMatchObject([{ id: 'personal-data-retention', status: 'new' }]);
      expect(value.policies[0]!.failing).toEqual(expect.arrayContaining(['finance.payments']));
      expect(value.policies[0]!.passing).toBeGreaterThan(0);
      // Nothing was enabled.
      expect((await mesh('check')).code).toBe(0);
    });
    expect(await audit('governance.simulated')).not.toHaveLength(0);
  });

  it('once enabled, blocks the publish of a violating product, naming policy, file, line and field', async () => {
    await withFile('policies/governance/zz-retention.yaml', RETENTION, async () => {
      const { run, value } = await json<CheckJson>('check', 'finance/payments');
      expect(run.code).toBe(1);
      const finding = value.findings.find((f) => f.policyId === 'personal-data-retention')!;
      expect(finding).toMatchObject({
        outcome: 'fail',
        file: 'domains/finance/payments/payments.odcs.yaml',
        pointer: '/slaProperties',
        message: 'port payments keeps personal data 3650 days',
      });
      const runsBefore = (await json<unknown>('runs', 'finance/payments')).value;
      const refused = await mesh('publish', 'finance/payments');
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('MW5704');
      expect(refused.stderr).toMatch(new RegExp(`domains/finance/payments/payments.odcs.yaml:${finding.line}`));
      expect(refused.stderr).toContain('[personal-data-retention]');
      expect(refused.stdout).toContain('blocking MW5701 personal-data-retention');
      expect((await json<unknown>('runs', 'finance/payments')).value).toEqual(runsBefore);
      const audited = await audit('governance.publish-refused');
      expect(audited.at(-1)).toMatchObject({ actor: 'gus', resource: 'urn:meshwork:product:finance.payments' });
    });
  });

  it('shows a waived finding as waived; an expired waiver stops applying by itself', async () => {
    const waiver = (expires: string) => `apiVersion: meshwork/v1
kind: GovernanceWaivers
waivers:
  - policy: personal-data-retention
    product: finance.payments
    owner: gus
    reason: Payment records fall under the ten-year bookkeeping duty; the council accepts the exception.
    expires: ${expires}
`;
    await withFile('policies/governance/zz-retention.yaml', RETENTION, async () => {
      await withFile('policies/governance/waivers.yaml', waiver('2099-12-31'), async () => {
        const { value } = await json<CheckJson>('check', 'finance/payments');
        expect(value.ok).toBe(true);
        expect(value.findings.find((f) => f.policyId === 'personal-data-retention')).toMatchObject({
          outcome: 'waived',
          waiver: { owner: 'gus', expires: '2099-12-31' },
        });
        expect((await mesh('check', 'finance/payments')).stdout).toContain('waived MW5701 personal-data-retention');
      });
      await withFile('policies/governance/waivers.yaml', waiver('2020-01-31'), async () => {
        const { run, value } = await json<CheckJson>('check', 'finance/payments');
        expect(run.code).toBe(1);
        expect(value.findings.find((f) => f.policyId === 'personal-data-retention')).toMatchObject({ outcome: 'fail' });
        expect(value.diagnostics).toEqual(
          expect.arrayContaining([
            expect.objectContaining({ code: 'MW5611', file: 'policies/governance/waivers.yaml' }),
          ]),
        );
      });
    });
  });
});

describe('safe change and broken policies', () => {
  it('refuses a breaking change to a published contract within its major version, naming its consumers', async () => {
    const path = 'domains/finance/payments/payments.odcs.yaml';
    const contract = await readFile(join(root, path), 'utf8');
    // payer_name leaves the contract in place, without a new major version.
    const removed = contract.replace(/ {6}- name: payer_name\n( {8}.*\n)+?(?= {6}- name: payer_iban)/, '');
    expect(removed).not.toBe(contract);
    await withFile(path, removed, async () => {
      const { run, value } = await json<CheckJson>('check', 'finance/payments');
      expect(run.code).toBe(1);
      const finding = value.findings.find((f) => f.policyId === 'breaking-needs-major')!;
      expect(finding).toMatchObject({ outcome: 'fail', file: path, pointer: '/version' });
      expect(finding.message).toContain('payer_name');
      // The demo's approved agreement: bi-dashboards reads finance.payments.
      expect(finding.message).toMatch(/affects .*bi-dashboards/);
      const publish = await mesh('publish', 'finance/payments');
      expect(publish.code).toBe(1);
      expect(publish.stderr).toContain('[breaking-needs-major]');
    });
  });

  it('reports a policy that does not compile with file and line, and fails publishing closed', async () => {
    const broken = RETENTION.replace('port.retentionDays <= 1095.0', 'port.retentionDayz <= 1095.0');
    await withFile('policies/governance/zz-broken.yaml', broken, async () => {
      const { run, value } = await json<CheckJson>('check');
      expect(run.code).toBe(1);
      expect(value.diagnostics).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ code: 'MW5602', file: 'policies/governance/zz-broken.yaml', line: 10 }),
        ]),
      );
      const validate = await mesh('validate');
      expect(validate.code).toBe(1);
      expect(validate.stderr).toContain('policies/governance/zz-broken.yaml:10');
      const publish = await mesh('publish', 'sales/orders');
      expect(publish.code).toBe(1);
      expect(publish.stderr).toContain('MW5614');
    });
  });
});

describe('compliance', () => {
  it('counts per policy and per domain, and over time', async () => {
    await mesh('check');
    const byDomain = await json<{ rows: { key: string; passed: number; failed: number }[] }>(
      'compliance',
      '--by',
      'domain',
    );
    expect(byDomain.value.rows.map((r) => r.key).sort()).toEqual([
      'customers',
      'finance',
      'logistics',
      'marketing',
      'sales',
      'support',
    ]);
    const byPolicy = await json<{ rows: { key: string; compliantPct: number }[] }>('compliance');
    expect(byPolicy.value.rows.find((r) => r.key === 'owner-team')).toMatchObject({ compliantPct: 100 });
    const history = await json<{ history: { checkedAt: string; passed: number }[] }>('compliance', '--history');
    expect(history.value.history.length).toBeGreaterThanOrEqual(2);
    expect(await audit('governance.checked')).not.toHaveLength(0);
  });
});

describe('governance over HTTP', () => {
  it('serves findings, compliance and history, and lets only admins run a check', async () => {
    const platform = await startPlatform({ root, env: {}, port: 0, wirePort: false });
    try {
      const tokens = Object.fromEntries(
        (
          JSON.parse(await readFile(join(root, '.meshwork', 'demo-tokens.json'), 'utf8')) as {
            principalId: string;
            token: string;
          }[]
        ).map((t) => [t.principalId, t.token]),
      );
      const get = (path: string, who: string, init: RequestInit = {}) =>
        fetch(`${platform.url}${path}`, { ...init, headers: { authorization: `Bearer ${tokens[who]}` } });
      const findings = (await (await get('/api/v1/governance/findings?outcome=fail', 'ana')).json()) as {
        items: { policyId: string }[];
      };
      expect(findings.items.map((f) => f.policyId)).toContain('column-descriptions');
      const compliance = (await (await get('/api/v1/governance/compliance?by=domain', 'ana')).json()) as {
        items: unknown[];
      };
      expect(compliance.items).toHaveLength(6);
      const policies = (await (await get('/api/v1/governance/policies', 'ana')).json()) as { items: { id: string }[] };
      expect(policies.items.map((p) => p.id)).toContain('pii-in-the-data');
      expect((await get('/api/v1/governance/checks', 'ana', { method: 'POST' })).status).toBe(403);
      const ran = await get('/api/v1/governance/checks', 'adam', { method: 'POST' });
      expect(ran.status).toBe(200);
      expect(await ran.json()).toMatchObject({ products: 18, blocking: 0 });
      const history = (await (await get('/api/v1/governance/compliance/history', 'ana')).json()) as {
        items: unknown[];
      };
      expect(history.items.length).toBeGreaterThanOrEqual(2);
      expect((await fetch(`${platform.url}/api/v1/governance/findings`)).status).toBe(401);
    } finally {
      await platform.close();
    }
  });
});
