/**
 * The contract's quality rules, table level (`schema[i].quality`) then column level
 * (`properties[j].quality`), each with a stable id: `quality:<rule>` or
 * `quality:<column>:<rule>`, where `<rule>` is the rule's `id`, else its `name`, else its
 * position in the list. Library metrics join the shared scan; SQL rules run afterwards, one
 * query each; `text` and `custom` rules are recorded, not run.
 */
import { errored, settled, type CheckBase, type PlanContext, type PlannedCheck } from './check-plan.js';
import type { RawRecord } from './contract-table-spec.js';
import { planLibraryRule } from './library-metric-checks.js';
import { readQualityRule, type QualityRule } from './quality-rule-reader.js';
import { planSqlRule, type DeferredCheck } from './sql-rule-checks.js';

/** In declaration order: scanned checks and checks with their own query. */
export type QualityPlan = readonly (PlannedCheck | DeferredCheck)[];

export function planQualityChecks(context: PlanContext, relation: string): QualityPlan {
  const plan: (PlannedCheck | DeferredCheck)[] = [];
  const ids = new Set<string>();
  const sources: { column?: string; rules: readonly RawRecord[] }[] = [
    { rules: context.spec.quality },
    ...context.spec.columns.map((column) => ({ column: column.column, rules: column.quality })),
  ];
  for (const nested of context.spec.nestedQuality) {
    nested.rules.forEach((raw, index) => {
      const rule = readQualityRule(raw, uniqueId(ids, nested.path, raw, index), nested.path);
      plan.push(
        settled({
          ...baseOf(rule),
          blocking: false,
          status: 'recorded',
          message: `Rules on nested properties (${nested.path}) are recorded, not run yet: move the rule to the top-level column or write it as a sql rule.`,
        }),
      );
    });
  }
  for (const { column, rules } of sources) {
    rules.forEach((raw, index) => {
      const rule = readQualityRule(raw, uniqueId(ids, column, raw, index), column);
      const base = baseOf(rule);
      try {
        if (rule.kind === 'sql') plan.push(planSqlRule(rule, base, context.spec.table, relation));
        else if (rule.kind === 'library') plan.push(planLibraryRule(context, rule, base));
        else plan.push(settled(unscanned(rule, base)));
      } catch (error) {
        plan.push(
          settled(errored(base, `could not be planned: ${error instanceof Error ? error.message : String(error)}`)),
        );
      }
    });
  }
  return plan;
}

function unscanned(rule: Extract<QualityRule, { kind: 'recorded' | 'invalid' }>, base: CheckBase) {
  if (rule.kind === 'invalid') return errored(base, `The rule cannot be run: ${rule.problem}.`);
  return {
    ...base,
    blocking: false,
    status: 'recorded' as const,
    message:
      rule.type === 'text'
        ? 'A text rule describes quality in prose; it is recorded, not run.'
        : `A custom rule for ${rule.rule ?? 'another engine'} is recorded, not run: Meshwork runs library and sql rules.`,
  };
}

function baseOf(rule: QualityRule): CheckBase {
  return {
    id: rule.id,
    kind: 'quality',
    ...(rule.column !== undefined ? { column: rule.column } : {}),
    ...(rule.rule !== undefined ? { rule: rule.rule } : {}),
    blocking: rule.blocking,
    ...('threshold' in rule
      ? { threshold: `${rule.threshold.text}${rule.kind === 'library' && rule.percent ? ' (percent)' : ''}` }
      : {}),
    ...(rule.dimension !== undefined ? { dimension: rule.dimension } : {}),
    ...(rule.severity !== undefined ? { severity: rule.severity } : {}),
  };
}

function uniqueId(taken: Set<string>, column: string | undefined, raw: RawRecord, index: number): string {
  const key = [raw.id, raw.name].find((value): value is string => typeof value === 'string' && value !== '');
  const stem = `quality:${column !== undefined ? `${column}:` : ''}${key ?? index}`;
  let id = stem;
  for (let n = 2; taken.has(id); n++) id = `${stem}#${n}`;
  taken.add(id);
  return id;
}
