/**
 * Every output port names a contract of its own folder (MW3004, MW3002); a port has one
 * contract per major version (MW3012); input ports point at known contracts; a contract no
 * port uses is probably a mistake (MW3014, warning).
 */
import type { WorkspaceRule } from './rule-context.js';

export const portContracts: WorkspaceRule = (ctx) => {
  const allContracts = new Set(ctx.products.flatMap((p) => p.product.contracts.map((c) => c.id)));
  for (const { product, descriptorSource, contractSources } of ctx.products) {
    const used = new Set<string>();
    const majors = new Set<string>();
    product.outputPorts.forEach((port, i) => {
      const pointer = `/outputPorts/${i}`;
      const key = `${port.name}@${port.major}`;
      if (majors.has(key)) {
        ctx.report(
          'MW3012',
          descriptorSource,
          `${pointer}/version`,
          `output port "${port.name}" has two entries for major version ${port.major}`,
        );
      }
      majors.add(key);
      if (port.contractId === undefined) {
        ctx.report(
          'MW3004',
          descriptorSource,
          pointer,
          `output port "${port.name}" v${port.version} has no contractId`,
        );
      } else if (!port.contract) {
        ctx.report(
          'MW3002',
          descriptorSource,
          `${pointer}/contractId`,
          `output port "${port.name}" refers to contract "${port.contractId}", which is not in ${product.directory}`,
        );
      } else used.add(port.contract.id);
    });
    product.inputPorts.forEach((port, i) => {
      if (!allContracts.has(port.contractId)) {
        ctx.report(
          'MW3002',
          descriptorSource,
          `/inputPorts/${i}/contractId`,
          `input port "${port.name}" refers to contract "${port.contractId}", which no product in the mesh declares`,
          'warning',
        );
      }
    });
    for (const contract of product.contracts) {
      if (!used.has(contract.id)) {
        ctx.report(
          'MW3014',
          contractSources.get(contract.file),
          '/id',
          `contract "${contract.id}" is not used by any output port of ${product.id}`,
          'warning',
        );
      }
    }
  }
};
