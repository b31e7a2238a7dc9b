/** Descriptor ids and contract ids are unique across the whole mesh (MW3001). */
import type { WorkspaceRule } from './rule-context.js';

export const uniqueIds: WorkspaceRule = (ctx) => {
  const descriptors = new Map<string, string>();
  const contracts = new Map<string, string>();
  for (const { product, descriptorSource, contractSources } of ctx.products) {
    const seen = descriptors.get(product.descriptorId);
    if (product.descriptorId && seen !== undefined) {
      ctx.report('MW3001', descriptorSource, '/id', `descriptor id "${product.descriptorId}" is also used by ${seen}`);
    } else descriptors.set(product.descriptorId, product.descriptorFile);
    for (const contract of product.contracts) {
      const other = contracts.get(contract.id);
      if (other !== undefined) {
        ctx.report(
          'MW3001',
          contractSources.get(contract.file),
          '/id',
          `contract id "${contract.id}" is also used by ${other}`,
        );
      } else contracts.set(contract.id, contract.file);
    }
  }
};
