/**
 * The SQL of a product's pipeline steps as one text for the `sourceCode` job facet: each step
 * under a `-- step <name>` line, in pipeline order. Read when a run starts (the files are what
 * this run executes); a step file that cannot be read, or a text past the size cap, leaves the
 * facet out rather than send part of the truth.
 */
import { readFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import type { DataProduct } from '@meshwork/core';

/** Events stay small: consumers show the SQL, they do not need megabytes of it. */
export const MAX_SOURCE_CODE_CHARS = 256 * 1024;

export async function pipelineSourceCode(root: string, product: DataProduct): Promise<string | undefined> {
  const steps = product.pipeline?.definition.steps ?? [];
  if (steps.length === 0) return undefined;
  const productDir = join(root, product.directory);
  try {
    const parts = await Promise.all(
      steps.map(async (step) => {
        const sql =
          step.query ??
          (step.sql ? await readFile(isAbsolute(step.sql) ? step.sql : join(productDir, step.sql), 'utf8') : '');
        return `-- step ${step.name}\n${sql.trim()}\n`;
      }),
    );
    const text = parts.join('\n');
    return text.length > MAX_SOURCE_CODE_CHARS ? undefined : text;
  } catch {
    return undefined;
  }
}
