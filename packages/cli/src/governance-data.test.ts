/**
 * The data half of governance, inside a build: personal data found by sampling the new data with
 * real validators refuses the snapshot before it is published (MW5705), the previous snapshot
 * stays current, and classifying the column fixes it. The check that follows reads the profile
 * of the published snapshot.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRuntimeWorkspace, type RuntimeWorkspace } from './test-support/runtime-workspace.js';

let ws: RuntimeWorkspace;
const CONTRACT = 'domains/sales/leads/leads.odcs.yaml';

// 40 rows whose `name` column holds e-mail addresses: a name the policies cannot flag, data they can.
const csv = (names: (i: number) => string) =>
  `id,name,amount,created_at\n${Array.from({ length: 40 }, (_, i) => `${i + 1},${names(i)},${i}.50,2026-01-0${(i % 9) + 1}`).join('\n')}\n`;

beforeAll(async () => {
  ws = await createRuntimeWorkspace([['sales', 'leads']]);
}, 60_000);
afterAll(() => ws?.dispose());

describe('data policies in the build', () => {
  it('publishes ordinary data and records its profile', async () => {
    await ws.write(
      'domains/sales/leads/data/sample.csv',
      csv((i) => `Lead ${i}`),
    );
    const run = await ws.mesh(['run', 'sales/leads']);
    expect(run.code, run.stderr).toBe(0);
    const current = await ws.current('sales.leads', 'leads');
    expect(current?.manifest.profile?.find((p) => p.column === 'name')).toMatchObject({ sampled: 40 });
  });

  it('refuses a snapshot whose sampled values are e-mail addresses in a column not classified pii', async () => {
    const before = (await ws.current('sales.leads', 'leads'))!.manifest.snapshotId;
    await ws.write(
      'domains/sales/leads/data/sample.csv',
      csv((i) => `lead${i}@example.com`),
    );
    const run = await ws.mesh(['run', 'sales/leads']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('MW5705');
    expect(run.stdout).toMatch(
      /\[pii-in-the-data\] leads › leads\.name: in the latest build, e-mail addresses make up at least 50% of 40 sampled values/,
    );
    expect((await ws.current('sales.leads', 'leads'))!.manifest.snapshotId).toBe(before);
    expect(await ws.leftovers()).toEqual([]);
  });

  it('publishes once the column is classified pii (and masked by the starter masking rules)', async () => {
    await ws.edit(CONTRACT, (text) =>
      text.replace(/(- name: name\n(?: {8}.*\n)*? {8}classification:) internal/, '$1 pii'),
    );
    const run = await ws.mesh(['run', 'sales/leads']);
    expect(run.code, run.stderr).toBe(0);
    const check = await ws.meshJson<{ ok: boolean; findings: { policyId: string }[] }>(['check']);
    expect(check.value.findings.map((f) => f.policyId)).not.toContain('pii-in-the-data');
    expect(check.value.findings.map((f) => f.policyId)).not.toContain('pii-masked');
  });

  it('flags a published snapshot when the classification is lowered afterwards', async () => {
    await ws.edit(CONTRACT, (text) =>
      text.replace(/(- name: name\n(?: {8}.*\n)*? {8}classification:) pii/, '$1 internal'),
    );
    const check = await ws.meshJson<{
      ok: boolean;
      findings: { policyId: string; column?: string; outcome: string }[];
    }>(['check']);
    expect(check.run.code).toBe(1);
    expect(check.value.findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ policyId: 'pii-in-the-data', column: 'leads.name', outcome: 'fail' }),
      ]),
    );
  });
});
