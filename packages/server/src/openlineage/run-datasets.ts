/**
 * The datasets of a product's run: its pipeline's inputs (named after the OpenLineage naming
 * conventions, see openlineage-naming.ts) and the output port versions it writes.
 */
import { join } from 'node:path';
import type { DataProduct, MeshModel, OutputPort, PipelineLineage } from '@meshwork/core';
import { fileDataset, portDataset, postgresDataset, type DatasetName, type DatasetPort } from './openlineage-naming.js';

export interface DatasetScope {
  readonly model: MeshModel;
  /** Workspace root (absolute): relative file inputs are resolved from the product's folder. */
  readonly root: string;
  /** The configured OpenLineage namespace. */
  readonly namespace: string;
}

/**
 * Each pipeline input's dataset by input name. A product input's major version is the one the
 * run bound (from lineage), else the one the pipeline names, else the upstream port's highest; a
 * PostgreSQL input given as a query names no single table and has no dataset.
 */
export function inputDatasets(
  scope: DatasetScope,
  product: DataProduct,
  lineage: PipelineLineage | undefined,
): Map<string, DatasetName> {
  const datasets = new Map<string, DatasetName>();
  const productDir = join(scope.root, product.directory);
  for (const input of product.pipeline?.definition.inputs ?? []) {
    if (input.kind === 'file') datasets.set(input.name, fileDataset(input.path, productDir));
    else if (input.kind === 'postgres') {
      if (input.table === undefined) continue;
      const url = scope.model.config.connections?.[input.connection]?.url;
      datasets.set(input.name, postgresDataset(input.connection, url, input.table));
    } else {
      const bound = lineage?.inputs.find((i) => i.name === input.name)?.major;
      const major = bound ?? input.majorVersion ?? highestMajor(scope.model, input.product, input.port) ?? 1;
      datasets.set(input.name, portDataset(scope.namespace, { productId: input.product, port: input.port, major }));
    }
  }
  return datasets;
}

/** The port versions the pipeline writes, as the runtime picks them (default: the highest major). */
export function outputTargets(product: DataProduct): OutputPort[] {
  const targets: OutputPort[] = [];
  for (const output of product.pipeline?.definition.outputs ?? []) {
    const ports = product.outputPorts.filter((p) => p.name === output.port);
    const port =
      output.majorVersion === undefined
        ? ports.reduce<OutputPort | undefined>((a, p) => (!a || p.major > a.major ? p : a), undefined)
        : ports.find((p) => p.major === output.majorVersion);
    if (port && !targets.includes(port)) targets.push(port);
  }
  return targets;
}

export function datasetPort(product: DataProduct, port: OutputPort): DatasetPort {
  return { productId: product.id, port: port.name, major: port.major };
}

function highestMajor(model: MeshModel, productId: string, port: string): number | undefined {
  const majors = (model.products.get(productId)?.outputPorts ?? []).filter((p) => p.name === port).map((p) => p.major);
  return majors.length === 0 ? undefined : Math.max(...majors);
}
