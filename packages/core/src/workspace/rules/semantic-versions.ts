/** Product, port and contract versions are semantic versions (MW3006). */
import { isSemver } from '../semver.js';
import type { WorkspaceRule } from './rule-context.js';

export const semanticVersions: WorkspaceRule = (ctx) => {
  for (const { product, descriptorSource, contractSources } of ctx.products) {
    if (product.version !== undefined && !isSemver(product.version)) {
      ctx.report(
        'MW3006',
        descriptorSource,
        '/version',
        `product version "${product.version}" is not MAJOR.MINOR.PATCH`,
      );
    }
    product.outputPorts.forEach((port, i) => {
      if (!isSemver(port.version)) {
        ctx.report(
          'MW3006',
          descriptorSource,
          `/outputPorts/${i}/version`,
          `output port "${port.name}" version "${port.version}" is not MAJOR.MINOR.PATCH`,
        );
      }
    });
    product.inputPorts.forEach((port, i) => {
      if (!isSemver(port.version)) {
        ctx.report(
          'MW3006',
          descriptorSource,
          `/inputPorts/${i}/version`,
          `input port "${port.name}" version "${port.version}" is not MAJOR.MINOR.PATCH`,
        );
      }
    });
    for (const contract of product.contracts) {
      if (!isSemver(contract.version)) {
        ctx.report(
          'MW3006',
          contractSources.get(contract.file),
          '/version',
          `contract version "${contract.version}" is not MAJOR.MINOR.PATCH`,
        );
      }
    }
  }
};
