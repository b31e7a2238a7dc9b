/**
 * What a run reports: the summary returned to the caller and the JSON stored with the run —
 * every check of every output, and the input rows DuckDB rejected as one more check per input,
 * so that `mesh run show` lists them with the contract checks (count, mode and a sample).
 */
import { isMeshworkError, type DataProduct, type OutputPort } from '@meshwork/core';
import type { JsonValue } from '../metadata/canonical-json.js';
import type { RunError, RunOutputInput } from '../metadata/run-types.js';
import type { CheckReport } from '../quality/check-types.js';
import type { StagedSnapshot } from '../warehouse/warehouse-types.js';
import type { InputRejects } from './inputs/csv-rejects.js';
import { firstLines } from './pipeline-execution.js';

export interface RunSummary {
  readonly runId: string;
  readonly productId: string;
  readonly status: 'succeeded' | 'failed';
  readonly ms: number;
  readonly rowsIn: number;
  readonly rowsOut: number;
  readonly outputs: readonly RunOutputInput[];
  readonly checks: readonly CheckReport['checks'][number][];
  readonly rejects: readonly InputRejects[];
  readonly error?: RunError;
}

/** One output of a run as it goes: staged, written, checked, perhaps published. */
export interface OutputWork {
  readonly port: OutputPort;
  readonly from: string;
  readonly staged: StagedSnapshot;
  rowCount: number;
  report?: CheckReport;
  schema?: { name: string; type: string; nullable: boolean }[];
  published?: string;
}

export function summarizeChecks(report: CheckReport) {
  const counted = report.checks.filter((c) => c.status !== 'recorded');
  return {
    passed: counted.filter((c) => c.status === 'passed').length,
    failed: counted.filter((c) => c.status !== 'passed' && c.blocking).length,
    warnings: counted.filter((c) => c.status !== 'passed' && !c.blocking).length,
  };
}

export function checksJson(work: readonly OutputWork[], rejects: readonly InputRejects[]): JsonValue[] {
  const checks = work.flatMap((w) =>
    (w.report?.checks ?? []).map((c) => ({ port: w.port.name, major: w.port.major, ...c })),
  );
  return JSON.parse(JSON.stringify([...checks, ...rejects.map(rejectCheck)])) as JsonValue[];
}

/** Malformed rows of an input, as a check: blocking with `onError: fail`, a warning with `reject`. */
function rejectCheck(rejects: InputRejects) {
  const first = rejects.sample[0];
  return {
    id: `input:${rejects.input}:malformedRows`,
    kind: 'input',
    input: rejects.input,
    status: 'failed',
    blocking: rejects.mode === 'fail',
    observed: rejects.count,
    threshold: `onError ${rejects.mode}`,
    message:
      `${rejects.count} malformed row(s) in input "${rejects.input}"` +
      (rejects.mode === 'reject' ? ' kept out of the snapshot' : '') +
      (first ? `; first at ${first.file}:${first.line}: ${first.error}` : ''),
    sample: rejects.sample,
  };
}

export function runSummary(
  product: DataProduct,
  runId: string,
  started: number,
  status: 'succeeded' | 'failed',
  rowsIn: number,
  work: readonly OutputWork[],
  rejects: readonly InputRejects[],
): RunSummary {
  const outputs: RunOutputInput[] = work.map((w) => ({
    port: w.port.name,
    major: w.port.major,
    snapshotId: w.published ?? null,
    rowCount: w.rowCount,
    reason: w.published ? null : 'the run failed before publishing',
  }));
  return {
    runId,
    productId: product.id,
    status,
    ms: Math.round(performance.now() - started),
    rowsIn,
    rowsOut: work.reduce((n, w) => n + (w.published ? w.rowCount : 0), 0),
    outputs,
    checks: work.flatMap((w) => w.report?.checks ?? []),
    rejects,
  };
}

/**
 * Why a run failed, as a code and a message. Meshwork errors keep theirs; a file-system error
 * names the path (MW8009); anything else is a bug (MW8015), still recorded so the run does not
 * stay `running`.
 */
export function toRunError(error: unknown): RunError {
  if (isMeshworkError(error)) return { code: error.code, message: error.message };
  const fsError = error as NodeJS.ErrnoException;
  if (typeof fsError?.code === 'string' && typeof fsError.path === 'string') {
    return { code: 'MW8009', message: `cannot write ${fsError.path}: ${fsError.code}` };
  }
  return { code: 'MW8015', message: `unexpected error (a Meshwork bug): ${firstLines(error)}` };
}
