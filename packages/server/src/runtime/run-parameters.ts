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
    if (!Object.hasOwn(values, name)) {
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

/**
 * The overrides each product of an invocation takes: the ones its pipeline declares, and
 * `run_date`. With several products (`--all`) a parameter may concern only some of them, but
 * one that no product declares is a mistake. Every product's values are checked here, before
 * anything runs, so a bad `--param` fails the invocation instead of some of its runs.
 */
export function overridesByProduct(
  products: readonly { readonly id: string; readonly declared?: Readonly<Record<string, ParameterValue>> }[],
  overrides: Readonly<Record<string, string>>,
  today: Date,
): Map<string, Record<string, string>> {
  const declares = (declared: object | undefined, name: string) =>
    name === 'run_date' || (declared !== undefined && Object.hasOwn(declared, name));
  for (const name of Object.keys(overrides)) {
    if (!products.some((p) => declares(p.declared, name))) {
      const known = new Set(['run_date', ...products.flatMap((p) => Object.keys(p.declared ?? {}))]);
      throw new InputError('MW8012', `unknown run parameter "${name}"; declared: ${[...known].join(', ')}`);
    }
  }
  const byProduct = new Map<string, Record<string, string>>();
  for (const product of products) {
    const own = Object.fromEntries(Object.entries(overrides).filter(([name]) => declares(product.declared, name)));
    resolveParameters(product.declared, own, today);
    byProduct.set(product.id, own);
  }
  return byProduct;
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
