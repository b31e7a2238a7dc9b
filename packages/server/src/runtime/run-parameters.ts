/**
 * Run parameters reach SQL as DuckDB variables: `getvariable('run_date')`. `run_date` is always
 * set (default: today, UTC); others come from pipeline.yaml `parameters`, overridden per run.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { InputError } from '@meshwork/core';
import { quoteLiteral } from './sql-text.js';

export type ParameterValue = string | number | boolean;

export function resolveParameters(
  declared: Readonly<Record<string, ParameterValue>> | undefined,
  overrides: Readonly<Record<string, string>>,
  today: Date,
): Record<string, ParameterValue> {
  const values: Record<string, ParameterValue> = { run_date: today.toISOString().slice(0, 10), ...declared };
  for (const [name, raw] of Object.entries(overrides)) {
    if (!(name in values)) {
      throw new InputError('MW8012', `unknown run parameter "${name}"; declared: ${Object.keys(values).join(', ')}`);
    }
    const current = values[name];
    values[name] = typeof current === 'number' ? Number(raw) : typeof current === 'boolean' ? raw === 'true' : raw;
    if (typeof current === 'number' && Number.isNaN(values[name])) {
      throw new InputError('MW8012', `run parameter "${name}" must be a number, got "${raw}"`);
    }
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(String(values.run_date))) {
    throw new InputError('MW8012', `run_date must be YYYY-MM-DD, got "${String(values.run_date)}"`);
  }
  return values;
}

export async function setParameters(
  connection: DuckDBConnection,
  values: Readonly<Record<string, ParameterValue>>,
): Promise<void> {
  for (const [name, value] of Object.entries(values)) {
    if (!/^[a-z_][a-z0-9_]*$/i.test(name)) throw new InputError('MW8012', `invalid parameter name "${name}"`);
    const literal =
      name === 'run_date'
        ? `DATE ${quoteLiteral(String(value))}`
        : typeof value === 'string'
          ? quoteLiteral(value)
          : typeof value === 'number'
            ? String(value)
            : value
              ? 'true'
              : 'false';
    await connection.run(`SET VARIABLE ${name} = ${literal}`);
  }
}
