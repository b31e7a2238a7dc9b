/**
 * Many checks, one pass over the data. Each check adds its aggregates (with bound parameters
 * for values taken from the contract) to a named unit; `run` computes every unit in a single
 * `SELECT agg, agg, … FROM relation`. If that query fails — a bad regular expression, a date
 * bound DuckDB cannot read — the units are retried in halves until the faulty ones stand alone,
 * so one faulty rule reports its own error and every other check still gets a result.
 */
import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import { quoteIdentifier } from './sql-quoting.js';

export interface ScanOutcome {
  /** The value of an aggregate (as DuckDB's JSON form: counts are strings), by alias. */
  value(alias: string): unknown;
  /** Why the unit could not be computed, if it could not. */
  error(unit: string): string | undefined;
}

interface Unit {
  readonly aggregates: { readonly alias: string; readonly sql: string }[];
  readonly params: Record<string, DuckDBValue>;
}

export class AggregateScan {
  private readonly units = new Map<string, Unit>();
  private counter = 0;

  constructor(
    private readonly relation: string,
    /** Keeps aliases and parameter names of several scans over the same checks apart. */
    private readonly prefix = 'a',
  ) {}

  get isEmpty(): boolean {
    return this.units.size === 0;
  }

  /** Adds an aggregate expression to `unit`; returns the alias its value is read by. */
  aggregate(unit: string, sql: string): string {
    const alias = `${this.prefix}${this.counter++}`;
    this.unit(unit).aggregates.push({ alias, sql });
    return alias;
  }

  /** Binds a value for `unit` and returns its placeholder, e.g. `$a12`. */
  param(unit: string, value: DuckDBValue): string {
    const name = `${this.prefix}p${this.counter++}`;
    this.unit(unit).params[name] = value;
    return `$${name}`;
  }

  async run(connection: DuckDBConnection): Promise<ScanOutcome> {
    const values = new Map<string, unknown>();
    const errors = new Map<string, string>();
    // A unit that bound parameters but registered no aggregate would leave them unused, which DuckDB refuses.
    const units = [...this.units].filter(([, unit]) => unit.aggregates.length > 0);
    if (units.length > 0) await this.runGroup(connection, units, values, errors);
    return outcome(values, errors);
  }

  /**
   * Runs the units together; if that fails, halves the group until the failing units stand
   * alone — a few extra scans find one bad rule among many, instead of one scan per rule.
   */
  private async runGroup(
    connection: DuckDBConnection,
    units: readonly (readonly [string, Unit])[],
    values: Map<string, unknown>,
    errors: Map<string, string>,
  ): Promise<void> {
    try {
      mergeInto(
        values,
        await this.query(
          connection,
          units.map(([, unit]) => unit),
        ),
      );
    } catch (error) {
      if (units.length === 1) {
        errors.set(units[0]![0], messageOf(error));
        return;
      }
      const half = Math.ceil(units.length / 2);
      await this.runGroup(connection, units.slice(0, half), values, errors);
      await this.runGroup(connection, units.slice(half), values, errors);
    }
  }

  private async query(connection: DuckDBConnection, units: readonly Unit[]): Promise<Record<string, unknown>> {
    const select = units.flatMap((unit) => unit.aggregates.map((a) => `${a.sql} AS ${quoteIdentifier(a.alias)}`));
    const params = Object.assign({}, ...units.map((unit) => unit.params)) as Record<string, DuckDBValue>;
    const sql = `SELECT ${select.join(',\n  ')}\nFROM ${this.relation}`;
    const reader = await connection.runAndReadAll(sql, Object.keys(params).length > 0 ? params : undefined);
    return (reader.getRowObjectsJson()[0] ?? {}) as Record<string, unknown>;
  }

  private unit(key: string): Unit {
    let unit = this.units.get(key);
    if (!unit) {
      unit = { aggregates: [], params: {} };
      this.units.set(key, unit);
    }
    return unit;
  }
}

function mergeInto(values: Map<string, unknown>, row: Record<string, unknown>): void {
  for (const [alias, value] of Object.entries(row)) values.set(alias, value);
}

function outcome(values: ReadonlyMap<string, unknown>, errors: ReadonlyMap<string, string>): ScanOutcome {
  return { value: (alias) => values.get(alias), error: (unit) => errors.get(unit) };
}

/** DuckDB's own message, without the SQL excerpt it appends (it would quote the whole scan). */
export function messageOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n\nLINE ')[0]!.trim();
}
