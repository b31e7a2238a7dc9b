/**
 * Column lineage of a product's pipeline, read from the DuckDB connection where a run bound its
 * inputs and steps: each step's SQL parsed by DuckDB (`json_serialize_sql`) and analysed by the
 * core extractor over the bound relations' columns, then composed into lineage of each output
 * port in terms of the pipeline's inputs. Never throws and never changes the run's outcome:
 * whatever cannot be analysed is a gap with its reason.
 */
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import {
  composePipelineLineage,
  type DataProduct,
  type LineageGap,
  type PipelineLineage,
  type StepLineage,
} from '@meshwork/core';
import { boundRelationColumns } from './extract/bound-relation-columns.js';
import { lineageInput, outputTargets } from './extract/pipeline-endpoints.js';
import { stepLineage } from './extract/step-lineage.js';

export interface PipelineLineageSource {
  /** A connection where the pipeline's inputs and steps are bound (as a run binds them). */
  readonly connection: DuckDBConnection;
  readonly product: DataProduct;
  /** Workspace root: step SQL files are read relative to the product's directory. */
  readonly root: string;
}

export async function extractPipelineLineage(source: PipelineLineageSource): Promise<PipelineLineage> {
  try {
    return await extract(source);
  } catch (error) {
    return {
      productId: source.product.id,
      inputs: [],
      outputs: [],
      unresolved: [{ reason: `lineage extraction failed: ${error instanceof Error ? error.message : String(error)}` }],
    };
  }
}

async function extract({ connection, product, root }: PipelineLineageSource): Promise<PipelineLineage> {
  const pipeline = product.pipeline?.definition;
  if (!pipeline) return { productId: product.id, inputs: [], outputs: [], unresolved: [{ reason: 'no pipeline' }] };
  const inputs = (pipeline.inputs ?? []).map(lineageInput);
  const bound = await boundRelationColumns(connection, [
    ...inputs.map((i) => i.name),
    ...pipeline.steps.map((s) => s.name),
  ]);
  const unresolved: LineageGap[] = [];
  const visible = new Map<string, readonly string[]>();
  for (const input of inputs) {
    const columns = bound.get(input.name);
    if (columns) visible.set(input.name, columns);
    else unresolved.push({ reason: `input "${input.name}": its columns are unknown (it is not bound)` });
  }
  const inputColumns = new Map(visible);
  const steps: StepLineage[] = [];
  const productDir = join(root, product.directory);
  for (const step of pipeline.steps) {
    const columns = bound.get(step.name);
    const result = await stepLineage({ connection, step, productDir, relations: visible, columns });
    if (result.failure !== undefined) unresolved.push({ reason: `step "${step.name}": ${result.failure}` });
    steps.push({ name: step.name, lineage: result.lineage });
    // Later steps read this one by name, with the columns its view has.
    if (columns) visible.set(step.name, columns);
  }
  const outputs = composePipelineLineage({ steps, inputs, outputs: outputTargets(product), inputColumns });
  return { productId: product.id, inputs, outputs, unresolved };
}
