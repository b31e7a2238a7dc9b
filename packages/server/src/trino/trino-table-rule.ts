/**
 * One user's Trino rule for one table, from the read plan Meshwork's authorizer gives that user:
 * SELECT, a mask for each masked column, `allow: false` for each column the contract does not
 * declare (the gateway never shows those), and the row filters as one filter. When any part has
 * no exact Trino equivalent there is no rule — Trino's default then denies the table — and the
 * reason is returned instead, naming the mask or filter.
 */
import type { Diagnostic } from '@meshwork/core';
import type { ReadPlan } from '../access/access-types.js';
import type { RowFilterRule } from '../access/row-filters.js';
import type { Principal } from '../identity/principal.js';
import { TRINO_CODES } from './trino-codes.js';
import { trinoMaskExpression } from './trino-mask.js';
import { exactPattern } from './trino-names.js';
import { trinoRowFilter } from './trino-row-filter.js';
import type { TrinoColumnConstraint, TrinoTableRule } from './trino-rules-schema.js';
import type { TrinoTable } from './trino-tables.js';

export interface TableRuleContext {
  readonly catalogName: string;
  readonly rowFilters: readonly RowFilterRule[];
  readonly maskingKey: Uint8Array;
}

export type TableRuleResult =
  | { readonly rule: TrinoTableRule; readonly maskedColumns: number; readonly usesKey: boolean }
  | { readonly withheld: Diagnostic };

export function trinoTableRule(
  principal: Principal,
  table: TrinoTable,
  plan: ReadPlan,
  context: TableRuleContext,
): TableRuleResult {
  const name = `${table.schema}.${table.table}`;
  const treatments = new Map(plan.columns.map((c) => [c.name.toLowerCase(), c.treatment]));
  const columns: TrinoColumnConstraint[] = [];
  let usesKey = false;
  for (const column of table.columns) {
    const treatment = treatments.get(column.name.toLowerCase());
    const trinoName = column.name.toLowerCase();
    if (!treatment) {
      columns.push({ name: trinoName, allow: false });
    } else if (treatment.kind === 'mask') {
      const mask = trinoMaskExpression(
        treatment.strategy,
        column.name,
        column.duckdbType,
        column.type,
        context.maskingKey,
      );
      if ('refused' in mask) {
        return withheld(
          'MW8387',
          `${principal.id}: ${name} is withheld in Trino: mask ${treatment.ruleId} (${treatment.strategy}) of column "${column.name}" (${column.duckdbType}) has no exact equivalent — ${mask.refused}`,
        );
      }
      usesKey ||= treatment.strategy === 'hash' || treatment.strategy === 'tokenize';
      columns.push({ name: trinoName, mask: mask.sql });
    }
  }
  const types = new Map(table.columns.map((c) => [c.name.toLowerCase(), c.type]));
  const filter = trinoRowFilter(plan.rowFilters, context.rowFilters, principal, types);
  if ('refused' in filter) {
    return withheld(
      'MW8388',
      `${principal.id}: ${name} is withheld in Trino: row filter ${filter.ruleId} has no exact equivalent — ${filter.refused}`,
    );
  }
  const rule: TrinoTableRule = {
    user: exactPattern(principal.id),
    catalog: exactPattern(context.catalogName),
    schema: exactPattern(table.schema),
    table: exactPattern(table.table),
    privileges: ['SELECT'],
    ...(columns.length > 0 ? { columns } : {}),
    ...(filter.sql !== undefined ? { filter: filter.sql } : {}),
  };
  return { rule, maskedColumns: columns.filter((c) => c.mask !== undefined).length, usesKey };
}

function withheld(code: 'MW8387' | 'MW8388', message: string): TableRuleResult {
  return { withheld: { code, severity: 'warning', message, fix: TRINO_CODES[code].fix } };
}
