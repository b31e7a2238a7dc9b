/** Small products and runs for the health tests. */
import type { Contract, DataProduct, OdcsDocument, OdpsDocument } from '@meshwork/core';
import type { RunRecord } from '../../metadata/run-types.js';

const described = { purpose: 'Why', usage: 'How', limitations: 'Beware' };

export function product(
  options: { id?: string; descriptor?: object; contract?: object; columnDescriptions?: boolean[] } = {},
): DataProduct {
  const columns = (options.columnDescriptions ?? [true, true]).map((d, i) => ({
    name: `c${i}`,
    required: false,
    unique: false,
    primaryKey: false,
    terms: [],
    ...(d ? { description: `column ${i}` } : {}),
  }));
  const contract: Contract = {
    id: 'k1',
    version: '1.0.0',
    apiVersion: 'v3.1.0',
    status: 'active',
    file: 'x.odcs.yaml',
    tables: [{ name: 't', columns }],
    document: (options.contract ?? { description: { usage: 'Terms' } }) as unknown as OdcsDocument,
  };
  return {
    id: options.id ?? 'd.p',
    urn: `urn:meshwork:${(options.id ?? 'd.p').replace('.', ':')}`,
    domain: (options.id ?? 'd.p').split('.')[0]!,
    name: (options.id ?? 'd.p').split('.')[1]!,
    title: 'P',
    descriptorId: 'x',
    status: 'active',
    tags: [],
    directory: 'domains/d/p',
    descriptorFile: 'domains/d/p/product.odps.yaml',
    descriptor: (options.descriptor ?? {
      description: described,
      support: [{ channel: 'help' }],
    }) as unknown as OdpsDocument,
    inputPorts: [],
    outputPorts: [{ name: 't', version: '1.0.0', major: 1, contractId: 'k1', contract }],
    contracts: [contract],
    dependsOn: [],
  };
}

export function run(checks: string[], status: RunRecord['status'] = 'succeeded', productId = 'd.p'): RunRecord {
  return {
    id: `r${Math.random()}`,
    productId,
    trigger: 'manual',
    requestedBy: 'x',
    parameters: {},
    status,
    startedAt: '2026-01-01T00:00:00.000Z',
    finishedAt: '2026-01-01T00:01:00.000Z',
    rowsIn: 1,
    rowsOut: 1,
    error: status === 'failed' ? { code: 'MW1', message: 'no' } : null,
    steps: [],
    checks: checks.map((s, i) => ({ id: `check:${i}`, status: s, blocking: true })),
    outputs: [],
  };
}
