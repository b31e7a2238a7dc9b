/**
 * A scaffolded workspace whose `sales.orders` serves port `orders` in two majors: v2 (a copy of
 * the scaffolded contract under a new id) and v1, deprecated in favour of v2 with the endOfLife
 * a test gives (none when undefined). Both are built by the same pipeline step.
 */
import { createTempWorkspace, type TempWorkspace } from '../../test-support/temp-workspace.js';

export const V2_CONTRACT_ID = '7b0e4d1c-9a52-4c3e-8f61-2d5a9b7c0e13';

export async function createDeprecatedWorkspace(
  endOfLife: string | undefined,
  extraMeshYaml = '',
  otherProducts: ReadonlyArray<readonly [domain: string, product: string]> = [],
): Promise<TempWorkspace> {
  const ws = await createTempWorkspace([['sales', 'orders'], ...otherProducts]);
  const v1 = await ws.read('domains/sales/orders/orders.odcs.yaml');
  await ws.write(
    'domains/sales/orders/orders-v2.odcs.yaml',
    v1
      .replace(/^id: .*$/m, `id: ${V2_CONTRACT_ID}`)
      .replace('version: 1.0.0', 'version: 2.0.0')
      .replace('status: draft', 'status: active'),
  );
  await ws.edit(
    'domains/sales/orders/product.odps.yaml',
    (yaml) => `${yaml}  - name: orders\n    type: tables\n    version: 2.0.0\n    contractId: ${V2_CONTRACT_ID}\n`,
  );
  await ws.edit('domains/sales/orders/pipeline.yaml', (yaml) =>
    yaml.replace(
      'outputs:\n  - port: orders\n    from: orders\n',
      'outputs:\n  - port: orders\n    from: orders\n    majorVersion: 2\n  - port: orders\n    from: orders\n    majorVersion: 1\n',
    ),
  );
  await setV1EndOfLife(ws, endOfLife);
  if (extraMeshYaml) await ws.edit('mesh.yaml', (yaml) => yaml + extraMeshYaml);
  return ws;
}

/** Rewrites v1's contract: deprecated, with this endOfLife (or none). */
export async function setV1EndOfLife(ws: TempWorkspace, endOfLife: string | undefined): Promise<void> {
  await ws.edit('domains/sales/orders/orders.odcs.yaml', (t) => {
    const withoutEol = t
      .replace(/ {2}- property: endOfLife\n {4}value: '[^']*'\n/, '')
      .replace(/^status: .*$/m, 'status: deprecated');
    return endOfLife === undefined
      ? withoutEol
      : withoutEol.replace('slaProperties:\n', `slaProperties:\n  - property: endOfLife\n    value: '${endOfLife}'\n`);
  });
}

/** `YYYY-MM-DD`, `days` from now (UTC). */
export function daysFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}
