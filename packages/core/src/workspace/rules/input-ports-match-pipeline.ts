/**
 * The ODPS input ports say what a product reads; the pipeline says what it actually reads.
 * They must agree (MW3017, warning): every product input of the pipeline has an input port
 * naming the upstream contract of that major version, and every input port that names a mesh
 * contract is read by the pipeline. Reading a deprecated version is noted (MW3018, info).
 */
import type { OutputPort } from '../../model/model-types.js';
import type { WorkspaceRule } from './rule-context.js';

export const inputPortsMatchPipeline: WorkspaceRule = (ctx) => {
  const portByContract = new Map<string, { productId: string; port: OutputPort }>();
  for (const { product } of ctx.products) {
    for (const port of product.outputPorts) {
      if (port.contractId) portByContract.set(port.contractId, { productId: product.id, port });
    }
  }
  for (const { product, descriptorSource, pipelineSource } of ctx.products) {
    const inputs = product.pipeline?.definition.inputs ?? [];
    const readContracts = new Set<string>();
    inputs.forEach((input, i) => {
      if (input.kind !== 'product') return;
      const upstream = ctx.productsById.get(input.product)?.product;
      const ports = upstream?.outputPorts.filter((p) => p.name === input.port) ?? [];
      const port =
        input.majorVersion === undefined
          ? ports.reduce<OutputPort | undefined>((best, p) => (!best || p.major > best.major ? p : best), undefined)
          : ports.find((p) => p.major === input.majorVersion);
      if (!port?.contractId) return; // unresolved references are MW3005
      readContracts.add(port.contractId);
      if (!product.inputPorts.some((ip) => ip.contractId === port.contractId)) {
        ctx.report(
          'MW3017',
          descriptorSource,
          '/inputPorts',
          `the pipeline reads ${input.product}.${input.port} v${port.major} (contract ${port.contractId}) but no input port names that contract`,
          'warning',
        );
      }
      const status = port.contract?.status;
      if (status === 'deprecated' || status === 'retired') {
        ctx.report(
          'MW3018',
          pipelineSource,
          `/inputs/${i}`,
          `input "${input.name}" reads ${input.product}.${input.port} v${port.major}, which is ${status}`,
          'info',
        );
      }
    });
    if (!product.pipeline) continue;
    product.inputPorts.forEach((ip, i) => {
      const upstream = portByContract.get(ip.contractId);
      if (upstream && !readContracts.has(ip.contractId)) {
        ctx.report(
          'MW3017',
          descriptorSource,
          `/inputPorts/${i}`,
          `input port "${ip.name}" names ${upstream.productId}.${upstream.port.name} v${upstream.port.major}, which the pipeline does not read`,
          'warning',
        );
      }
    });
  }
};
