/** A product input reads the current snapshot of an upstream output port (by major version). */
import type { DuckDBConnection } from '@duckdb/node-api';
import { NotFoundError, type PipelineInput } from '@meshwork/core';
import { quoteIdentifier, quoteLiteralList } from '../sql-text.js';
import type { BoundInput } from './bound-input.js';

type ProductInput = Extract<PipelineInput, { kind: 'product' }>;

/** Where an upstream port's current data is: provided by the warehouse. */
export type SnapshotResolver = (
  productId: string,
  port: string,
  major: number | undefined,
) => Promise<
  | {
      readonly major: number;
      readonly snapshotId: string;
      readonly rowCount: number;
      readonly files: readonly string[];
    }
  | undefined
>;

export async function bindProductInput(
  connection: DuckDBConnection,
  input: ProductInput,
  resolve: SnapshotResolver,
): Promise<BoundInput> {
  const snapshot = await resolve(input.product, input.port, input.majorVersion);
  if (!snapshot) {
    const version = input.majorVersion === undefined ? '' : ` v${input.majorVersion}`;
    throw new NotFoundError(
      'MW8004',
      `input "${input.name}": ${input.product}.${input.port}${version} has no published snapshot yet`,
    );
  }
  const files = snapshot.files.length > 0 ? `read_parquet(${quoteLiteralList(snapshot.files)})` : undefined;
  await connection.run(
    `CREATE TEMP VIEW ${quoteIdentifier(input.name)} AS SELECT * FROM ${files ?? '(SELECT 1 WHERE false)'}`,
  );
  return {
    name: input.name,
    kind: 'product',
    source: `${input.product}.${input.port} v${snapshot.major}@${snapshot.snapshotId}`,
    rows: snapshot.rowCount,
    snapshot: { productId: input.product, port: input.port, major: snapshot.major, snapshotId: snapshot.snapshotId },
  };
}
