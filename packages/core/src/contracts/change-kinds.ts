/**
 * Every kind of contract change Meshwork reports, with its one severity and the reason for it.
 * A kind never changes severity with context: where the direction of a change matters, the
 * directions are different kinds (`required-relaxed`, `required-tightened`). Kinds are stable
 * names that policies and `mesh diff` may match on; add new ones, never rename.
 */
import type { ChangeSeverity } from './change-severity.js';

interface KindRule {
  readonly severity: ChangeSeverity;
  readonly why: string;
}

const kinds = <const T extends Record<string, KindRule>>(table: T): T => {
  for (const rule of Object.values(table)) Object.freeze(rule);
  return Object.freeze(table);
};

export const CONTRACT_CHANGE_KINDS = kinds({
  // The contract as a whole.
  'contract-id-changed': { severity: 'breaking', why: 'input ports name the contract by id' },
  'contract-deprecated': { severity: 'risky', why: 'consumers must plan a migration, nothing breaks yet' },
  'contract-retired': { severity: 'risky', why: 'the announced end of a lifecycle, not an in-place change' },
  'status-changed': { severity: 'non-breaking', why: 'other lifecycle moves do not weaken the promise' },
  'terms-changed': { severity: 'risky', why: 'usage terms and limitations are prose consumers must re-read' },
  'description-changed': { severity: 'non-breaking', why: 'documentation only' },
  'metadata-changed': { severity: 'non-breaking', why: 'tags, business names, examples: documentation only' },
  // Where the data is served.
  'server-added': { severity: 'non-breaking', why: 'a new place to read from' },
  'server-removed': { severity: 'breaking', why: 'consumers reading from it lose their source' },
  'server-changed': { severity: 'breaking', why: 'consumers connecting directly must reconfigure' },
  // Service levels.
  'slo-added': { severity: 'non-breaking', why: 'a new promise' },
  'slo-removed': { severity: 'breaking', why: 'a promise withdrawn' },
  'slo-strengthened': { severity: 'non-breaking', why: 'a stronger promise' },
  'slo-weakened': { severity: 'breaking', why: 'consumers built schedules and their own promises on it' },
  'slo-changed': { severity: 'risky', why: 'the old and new promise cannot be compared' },
  'end-of-life-brought-forward': { severity: 'risky', why: 'the announced end of a lifecycle, not an in-place change' },
  'end-of-life-postponed': { severity: 'non-breaking', why: 'consumers keep the version longer' },
  // Tables (schema objects).
  'table-added': { severity: 'non-breaking', why: 'existing queries are unaffected' },
  'table-removed': { severity: 'breaking', why: 'queries on it fail' },
  'table-renamed': { severity: 'breaking', why: 'queries naming it fail' },
  'table-physical-name-changed': { severity: 'breaking', why: 'readers of the stored table by name fail' },
  'table-physical-type-changed': { severity: 'risky', why: 'queries run, tools expecting a table or a topic may not' },
  'granularity-changed': { severity: 'risky', why: 'a row may now stand for something else' },
  'primary-key-added': { severity: 'non-breaking', why: 'a key promised where there was none' },
  'primary-key-removed': { severity: 'breaking', why: 'consumers lose the promise that rows are unique by it' },
  'primary-key-changed': {
    severity: 'breaking',
    why: 'the grain changed: joins and deduplication on the old key go wrong',
  },
  'primary-key-reordered': { severity: 'breaking', why: 'composite keys built in key order change' },
  // Columns (properties, nested ones included).
  'column-added': { severity: 'non-breaking', why: 'existing queries are unaffected' },
  'required-column-added': { severity: 'non-breaking', why: 'readers are unaffected; only writers must supply it' },
  'column-removed': { severity: 'breaking', why: 'queries selecting it fail' },
  'column-renamed': { severity: 'breaking', why: 'queries selecting the old name fail' },
  'column-physical-name-changed': { severity: 'breaking', why: 'readers of the stored column by name fail' },
  'logical-type-added': { severity: 'non-breaking', why: 'a type promised where there was none' },
  'logical-type-removed': { severity: 'breaking', why: 'no type is promised any more' },
  'logical-type-widened': { severity: 'risky', why: 'old values keep their meaning, new kinds of values appear' },
  'logical-type-narrowed': { severity: 'breaking', why: 'values consumers received can no longer be represented' },
  'logical-type-incompatible': { severity: 'breaking', why: 'operations written for the old type change meaning' },
  'physical-type-added': { severity: 'non-breaking', why: 'documentation of the storage type' },
  'physical-type-removed': { severity: 'risky', why: 'typed readers lose the storage type they declared' },
  'physical-type-widened': { severity: 'risky', why: 'more capacity; fixed-width sinks need review' },
  'physical-type-narrowed': { severity: 'breaking', why: 'values consumers received no longer fit' },
  'physical-type-incompatible': { severity: 'breaking', why: 'a different kind of type' },
  'physical-type-changed': { severity: 'risky', why: 'Meshwork cannot tell how the two types relate' },
  'required-relaxed': { severity: 'breaking', why: 'consumers may now receive nulls' },
  'required-tightened': { severity: 'non-breaking', why: 'a stronger promise' },
  'unique-relaxed': { severity: 'breaking', why: 'consumers may now receive duplicates' },
  'unique-tightened': { severity: 'non-breaking', why: 'a stronger promise' },
  'classification-raised': { severity: 'breaking', why: 'masks and access follow classification' },
  'classification-lowered': { severity: 'risky', why: 'consumers are unaffected, the data may travel further' },
  'classification-changed': { severity: 'risky', why: 'policies that match the label may apply differently' },
  'constraint-tightened': { severity: 'non-breaking', why: 'a stronger promise about values' },
  'constraint-relaxed': { severity: 'breaking', why: 'consumers may receive values the contract ruled out' },
  'constraint-changed': { severity: 'risky', why: 'the old and new constraint cannot be compared' },
  'pattern-changed': { severity: 'risky', why: 'whether the new pattern admits more cannot be decided here' },
  'format-widened': { severity: 'risky', why: 'more capacity; fixed-width sinks need review' },
  'format-narrowed': { severity: 'breaking', why: 'values consumers received no longer fit' },
  'format-changed': { severity: 'breaking', why: 'values are written differently; parsers break' },
  'timezone-changed': { severity: 'breaking', why: 'the instants values stand for shift' },
  'valid-values-narrowed': {
    severity: 'non-breaking',
    why: 'a stronger promise; filters on dropped values match nothing',
  },
  'valid-values-widened': { severity: 'risky', why: 'categorical values grow; exhaustive handling needs review' },
  'partitioning-changed': { severity: 'risky', why: 'results are the same, query cost may not be' },
  'relationship-added': { severity: 'non-breaking', why: 'a new documented join path' },
  'relationship-removed': { severity: 'risky', why: 'a join path is no longer promised' },
  // Data quality rules.
  'quality-rule-added': { severity: 'non-breaking', why: 'a new check on the data' },
  'quality-rule-removed': { severity: 'risky', why: 'a check the producer ran is gone' },
  'quality-rule-tightened': { severity: 'non-breaking', why: 'a stricter check' },
  'quality-rule-relaxed': { severity: 'risky', why: 'a looser check' },
  'quality-rule-changed': { severity: 'risky', why: 'the old and new check cannot be compared' },
});

export type ContractChangeKind = keyof typeof CONTRACT_CHANGE_KINDS;

export function severityOfKind(kind: ContractChangeKind): ChangeSeverity {
  return CONTRACT_CHANGE_KINDS[kind].severity;
}
