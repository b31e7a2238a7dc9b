/**
 * Profiling in the runtime's audit step: the staged output's text columns, with the patterns its
 * contract promises. A profile is evidence for governance, not a gate, so a failure here must not
 * fail the build — but it must not vanish either: it comes back as an error message for the run
 * to record (the snapshot is then published without a profile).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { contractPatterns } from './contract-patterns.js';
import { profileColumns } from './profile-columns.js';
import type { ColumnProfile, ProfiledColumnInput } from './profile-types.js';

export type ProfileOutcome =
  { readonly ok: true; readonly columns: readonly ColumnProfile[] } | { readonly ok: false; readonly error: string };

export interface StagedOutputToProfile {
  readonly connection: DuckDBConnection;
  /** SQL naming the staged data, e.g. `read_parquet([...])`. */
  readonly relation: string;
  /** The staged data's columns as DESCRIBE reports them. */
  readonly schema: readonly ProfiledColumnInput[];
  /** The contract's ODCS schema object for this output. */
  readonly schemaObject: object;
  readonly sampleSize?: number;
}

/** Longest error message kept: enough for DuckDB's first line, short enough for a manifest. */
const MAX_MESSAGE_LENGTH = 500;

export async function profileStagedOutput(output: StagedOutputToProfile): Promise<ProfileOutcome> {
  try {
    const columns = await profileColumns(output.connection, output.relation, output.schema, {
      patterns: contractPatterns(output.schemaObject),
      sampleSize: output.sampleSize,
    });
    return { ok: true, columns };
  } catch (error) {
    // Bugs included: the build goes on, and the name (TypeError…) tells a bug from a DuckDB error.
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return { ok: false, error: message.split('\n')[0]!.slice(0, MAX_MESSAGE_LENGTH) };
  }
}
