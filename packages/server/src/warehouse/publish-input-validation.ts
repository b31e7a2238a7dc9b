/**
 * Checks what a caller says about a snapshot before anything moves: all problems at once, in one
 * InputError (MW8110), so a bad description can never leave a half-published table behind.
 */
import { InputError } from '@meshwork/core';
import { profileProblem } from './manifest-json.js';
import type { PublishInput } from './warehouse-types.js';

export function assertPublishInput(input: PublishInput): void {
  const problems = publishInputProblems(input);
  if (problems.length > 0) {
    throw new InputError('MW8110', `Invalid snapshot description: ${problems.join('; ')}.`);
  }
}

export function publishInputProblems(input: PublishInput): string[] {
  const problems: string[] = [];
  if (!isText(input.contract?.id) || !isText(input.contract?.version))
    problems.push('contract needs an id and a version');
  if (!isCount(input.rowCount)) problems.push('rowCount must be a non-negative integer');
  const names = new Set<string>();
  if (!Array.isArray(input.schema) || input.schema.length === 0) problems.push('schema needs at least one column');
  for (const column of input.schema ?? []) {
    if (!isText(column.name) || !isText(column.type) || typeof column.nullable !== 'boolean') {
      problems.push(`schema column ${JSON.stringify(column.name)} needs a name, a DuckDB type and nullable`);
    } else if (names.has(column.name)) {
      problems.push(`schema column ${JSON.stringify(column.name)} appears twice`);
    }
    names.add(column.name);
  }
  for (const stats of input.columnStats ?? []) {
    const label = JSON.stringify(stats.column);
    if (!names.has(stats.column)) problems.push(`columnStats for ${label}, which is not in the schema`);
    if (!isCount(stats.nullCount) || (isCount(input.rowCount) && stats.nullCount > input.rowCount)) {
      problems.push(`nullCount of ${label} must be an integer between 0 and rowCount`);
    }
    if (stats.distinctCount !== undefined && !isCount(stats.distinctCount)) {
      problems.push(`distinctCount of ${label} must be a non-negative integer`);
    }
    if (
      (stats.min !== undefined && typeof stats.min !== 'string') ||
      (stats.max !== undefined && typeof stats.max !== 'string')
    ) {
      problems.push(`min and max of ${label} must be strings`);
    }
  }
  const checks = input.checks;
  if (!checks || !isCount(checks.passed) || !isCount(checks.failed) || !isCount(checks.warnings)) {
    problems.push('checks needs passed, failed and warnings counts');
  }
  for (const [path, count] of Object.entries(input.fileRowCounts ?? {})) {
    if (!isCount(count)) problems.push(`row count of ${JSON.stringify(path)} must be a non-negative integer`);
  }
  if (input.profile !== undefined) {
    const problem = profileProblem(input.profile);
    if (problem) problems.push(`profile: ${problem}`);
    for (const entry of Array.isArray(input.profile) ? input.profile : []) {
      if (!names.has(entry?.column))
        problems.push(`profile of ${JSON.stringify(entry?.column)}, which is not in the schema`);
    }
  }
  if (!isPlainJson(input.audit)) problems.push('audit must be plain JSON (no BigInt, functions or cycles)');
  return problems;
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.trim().length > 0;
}

function isCount(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}

function isPlainJson(value: unknown): boolean {
  if (value === undefined) return true;
  try {
    return JSON.stringify(value) !== undefined;
  } catch {
    return false;
  }
}
