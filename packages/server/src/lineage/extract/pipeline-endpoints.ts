/**
 * What a pipeline reads and writes, as lineage names them: each input with where its data
 * lives (an upstream product port, a file, a database table), and each output with the port
 * version it feeds — the latest major when the pipeline does not say, as a run resolves it.
 */
import type { DataProduct, LineageInput, PipelineInput, PipelineOutputTarget } from '@meshwork/core';

export function lineageInput(input: PipelineInput): LineageInput {
  switch (input.kind) {
    case 'product':
      return {
        name: input.name,
        kind: 'product',
        product: input.product,
        port: input.port,
        ...(input.majorVersion === undefined ? {} : { major: input.majorVersion }),
      };
    case 'file':
      return { name: input.name, kind: 'file', location: input.path };
    case 'postgres':
      return { name: input.name, kind: 'postgres', location: `${input.connection}:${input.table ?? '(query)'}` };
  }
}

export function outputTargets(product: DataProduct): PipelineOutputTarget[] {
  return (product.pipeline?.definition.outputs ?? []).map((output) => {
    const majors = product.outputPorts.filter((p) => p.name === output.port).map((p) => p.major);
    return { port: output.port, major: output.majorVersion ?? Math.max(0, ...majors), from: output.from };
  });
}
