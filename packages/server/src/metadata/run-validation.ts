/**
 * Checks at the store's edge for runs: the shapes the run history promises its readers (ids are
 * UUIDs, counts are non-negative integers, a failed run says why, an output without a snapshot
 * says why), serialised to the canonical JSON text the store keeps.
 */
import { InputError } from '@meshwork/core';
import { canonicalJson } from './canonical-json.js';
import { optionalText, requireChoice, requireText, toTimestamp } from './record-validation.js';
import {
  FINISHED_RUN_STATUSES,
  RUN_TRIGGERS,
  type RunError,
  type RunInput,
  type RunOutput,
  type RunResult,
  type RunStep,
} from './run-types.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const MAX_MESSAGE = 10_000;

/** Lowercase, so that the same UUID written in either case is one key in byte-ordered indexes. */
export function requireRunId(value: unknown, field = 'run.id'): string {
  const id = typeof value === 'string' ? value.toLowerCase() : value;
  if (typeof id !== 'string' || !UUID.test(id)) {
    throw new InputError('MW6101', `${field} must be a UUID; got ${JSON.stringify(value)}.`);
  }
  return id;
}

/** The id as stored, or undefined when it cannot be one (a lookup then finds nothing). */
export function runIdOrUndefined(value: unknown): string | undefined {
  const id = typeof value === 'string' ? value.toLowerCase() : undefined;
  return id !== undefined && UUID.test(id) ? id : undefined;
}

export interface NewRunRow {
  readonly id: string;
  readonly product_id: string;
  readonly trigger: string;
  readonly requested_by: string;
  readonly parameters: string;
  readonly started_at: string;
}

export function normalizeRunInput(input: RunInput, now: () => Date): NewRunRow {
  const parameters = input.parameters ?? {};
  if (typeof parameters !== 'object' || parameters === null || Array.isArray(parameters)) {
    throw new InputError('MW6101', 'run.parameters must be a plain JSON object of named parameters.');
  }
  return {
    id: requireRunId(input.id),
    product_id: requireText(input.productId, 'run.productId', 200),
    trigger: requireChoice(input.trigger, 'run.trigger', RUN_TRIGGERS),
    requested_by: requireText(input.requestedBy, 'run.requestedBy', 200),
    parameters: canonicalJson(parameters, 'run.parameters'),
    started_at: toTimestamp(input.startedAt, 'run.startedAt', now),
  };
}

export interface RunResultRow {
  readonly status: RunResult['status'];
  readonly finished_at: string;
  readonly rows_in: number;
  readonly rows_out: number;
  readonly error_code: string | null;
  readonly error_message: string | null;
  readonly steps: string;
  readonly checks: string;
  readonly outputs: string;
}

export function normalizeRunResult(result: RunResult, now: () => Date): RunResultRow {
  const status = requireChoice(result.status, 'run.status', FINISHED_RUN_STATUSES);
  const error = result.error === undefined || result.error === null ? null : normalizeError(result.error);
  if (status === 'failed' && error === null) {
    throw new InputError('MW6101', 'run.error is required for a failed run: say why it failed.');
  }
  if (status === 'succeeded' && error !== null) {
    throw new InputError('MW6101', 'run.error must be null for a succeeded run.');
  }
  return {
    status,
    finished_at: toTimestamp(result.finishedAt, 'run.finishedAt', now),
    rows_in: requireCount(result.rowsIn, 'run.rowsIn'),
    rows_out: requireCount(result.rowsOut, 'run.rowsOut'),
    error_code: error?.code ?? null,
    error_message: error?.message ?? null,
    steps: canonicalJson(requireArray(result.steps, 'run.steps').map(normalizeStep), 'run.steps'),
    checks: canonicalJson(requireArray(result.checks, 'run.checks'), 'run.checks'),
    outputs: canonicalJson(requireArray(result.outputs, 'run.outputs').map(normalizeOutput), 'run.outputs'),
  };
}

function normalizeError(value: unknown, field = 'run.error'): RunError {
  const error = requireObject(value, field);
  return {
    code: requireText(error['code'], `${field}.code`, 200),
    message: requireText(error['message'], `${field}.message`, MAX_MESSAGE),
  };
}

function normalizeStep(value: unknown, index: number): RunStep {
  const field = `run.steps[${index}]`;
  const step = requireObject(value, field);
  const ms = step['ms'];
  if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) {
    throw new InputError('MW6101', `${field}.ms must be a non-negative number of milliseconds.`);
  }
  return {
    name: requireText(step['name'], `${field}.name`, 200),
    rows: requireCount(step['rows'], `${field}.rows`),
    ms,
  };
}

function normalizeOutput(value: unknown, index: number): RunOutput {
  const field = `run.outputs[${index}]`;
  const output = requireObject(value, field);
  const snapshotId = optionalText(output['snapshotId'], `${field}.snapshotId`, 200);
  const reason = optionalText(output['reason'], `${field}.reason`, MAX_MESSAGE);
  // Readers ask "which snapshot did this run produce, or why none": exactly one answer each.
  if ((snapshotId === null) === (reason === null)) {
    throw new InputError(
      'MW6101',
      `${field} needs either a snapshotId or a reason why there is none, not both and not neither.`,
    );
  }
  const rowCount = output['rowCount'];
  return {
    port: requireText(output['port'], `${field}.port`, 200),
    major: requireCount(output['major'], `${field}.major`),
    snapshotId,
    rowCount: rowCount === null || rowCount === undefined ? null : requireCount(rowCount, `${field}.rowCount`),
    reason,
  };
}

function requireCount(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new InputError('MW6101', `${field} must be a non-negative integer; got ${JSON.stringify(value)}.`);
  }
  return value;
}

function requireArray(value: unknown, field: string): readonly unknown[] {
  if (!Array.isArray(value)) throw new InputError('MW6101', `${field} must be an array.`);
  return value;
}

function requireObject(value: unknown, field: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InputError('MW6101', `${field} must be an object.`);
  }
  return value as Record<string, unknown>;
}
