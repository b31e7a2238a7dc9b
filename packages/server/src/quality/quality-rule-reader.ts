/**
 * Reads one raw ODCS quality rule into what the checks run. v3.1.0 `metric` names are used
 * as they are; v3.0.x `rule` names (`nullCheck`, `duplicateCount`, `validValues`, …) are
 * mapped to the metric they meant, and v3.0.x arguments written beside the rule (not under
 * `arguments`) are accepted. A rule that cannot be run as written reads as `invalid` with
 * the reason, and is reported as an error rather than skipped.
 */
import { asRecord, type RawRecord } from './contract-table-spec.js';
import { defaultZeroThreshold, readThreshold, type Threshold } from './quality-threshold.js';
import { isBlockingSeverity } from './rule-severity.js';

export const LIBRARY_METRICS = ['nullValues', 'missingValues', 'invalidValues', 'duplicateValues', 'rowCount'] as const;
export type LibraryMetric = (typeof LIBRARY_METRICS)[number];

/** v3.0.x rule names (and common spellings) → v3.1.0 metric; keys lower-case. */
const RULE_NAMES: Readonly<Record<string, LibraryMetric>> = {
  nullvalues: 'nullValues',
  nullcheck: 'nullValues',
  nullcount: 'nullValues',
  notnull: 'nullValues',
  missingvalues: 'missingValues',
  missingcheck: 'missingValues',
  missingcount: 'missingValues',
  invalidvalues: 'invalidValues',
  invalidcount: 'invalidValues',
  validvalues: 'invalidValues',
  validvaluescheck: 'invalidValues',
  duplicatevalues: 'duplicateValues',
  duplicatecount: 'duplicateValues',
  duplicates: 'duplicateValues',
  uniquecheck: 'duplicateValues',
  unique: 'duplicateValues',
  rowcount: 'rowCount',
};

/** Arguments v3.0.x rules wrote beside the rule instead of under `arguments`. */
const LOOSE_ARGUMENTS = ['validValues', 'missingValues', 'pattern', 'properties'] as const;

interface RuleBase {
  readonly id: string;
  readonly column?: string;
  /** For the report: the metric, the query or the text. */
  readonly rule?: string;
  readonly severity?: string;
  readonly dimension?: string;
  readonly description?: string;
  readonly blocking: boolean;
}

export type QualityRule = RuleBase &
  (
    | {
        readonly kind: 'library';
        readonly metric: LibraryMetric;
        readonly arguments: RawRecord;
        readonly threshold: Threshold;
        readonly percent: boolean;
      }
    | { readonly kind: 'sql'; readonly query: string; readonly threshold: Threshold }
    | { readonly kind: 'recorded'; readonly type: string }
    | { readonly kind: 'invalid'; readonly problem: string }
  );

/** `column` is the data column of a property-level rule; `id` its stable check id. */
export function readQualityRule(raw: RawRecord, id: string, column: string | undefined): QualityRule {
  const severity = text(raw.severity);
  const base: RuleBase = {
    id,
    column,
    severity,
    dimension: text(raw.dimension),
    description: text(raw.description),
    blocking: isBlockingSeverity(severity),
  };
  const type = text(raw.type);
  const named = text(raw.metric) ?? text(raw.rule);
  if (type === undefined && named === undefined && text(raw.query) !== undefined) {
    return { ...base, kind: 'invalid', rule: text(raw.query), problem: 'it has a query but no type: add type: sql' };
  }
  if (type === 'text' || (type === undefined && named === undefined)) {
    return { ...base, kind: 'recorded', type: 'text', rule: base.description ?? text(raw.name) };
  }
  if (type === 'custom') {
    return { ...base, kind: 'recorded', type: 'custom', rule: text(raw.engine) ?? 'custom' };
  }
  if (type === 'sql') return readSqlRule(raw, base);
  if (type !== undefined && type !== 'library') {
    return { ...base, kind: 'invalid', problem: `unknown quality rule type "${type}" (text, library, sql, custom)` };
  }
  return readLibraryRule(raw, base, named ?? '');
}

function readSqlRule(raw: RawRecord, base: RuleBase): QualityRule {
  const query = text(raw.query);
  if (query === undefined) return { ...base, kind: 'invalid', problem: 'a sql rule needs a query' };
  const threshold = readThreshold(raw);
  if (typeof threshold === 'string') return { ...base, rule: query, kind: 'invalid', problem: threshold };
  if (threshold === undefined) {
    return { ...base, rule: query, kind: 'invalid', problem: 'a sql rule needs an operator such as mustBe: 0' };
  }
  return { ...base, rule: query, kind: 'sql', query, threshold };
}

function readLibraryRule(raw: RawRecord, base: RuleBase, named: string): QualityRule {
  const metric = RULE_NAMES[named.toLowerCase()];
  const rule = metric && metric !== named ? `${metric} (from "${named}")` : named;
  if (!metric) {
    return {
      ...base,
      rule,
      kind: 'invalid',
      problem: `unknown library metric "${named}" (${LIBRARY_METRICS.join(', ')})`,
    };
  }
  const percent = readUnit(raw.unit);
  if (percent === undefined) {
    return {
      ...base,
      rule,
      kind: 'invalid',
      problem: `unit "${String(raw.unit)}" is not supported: use rows or percent`,
    };
  }
  if (percent && metric === 'rowCount') {
    return { ...base, rule, kind: 'invalid', problem: 'rowCount counts rows; unit: percent does not apply to it' };
  }
  if (base.column === undefined && ['nullValues', 'missingValues', 'invalidValues'].includes(metric)) {
    return { ...base, rule, kind: 'invalid', problem: `${metric} belongs to a property: move the rule under it` };
  }
  const threshold = readThreshold(raw);
  if (typeof threshold === 'string') return { ...base, rule, kind: 'invalid', problem: threshold };
  if (threshold === undefined && metric === 'rowCount') {
    return { ...base, rule, kind: 'invalid', problem: 'rowCount needs an operator such as mustBeGreaterThan: 0' };
  }
  return {
    ...base,
    rule,
    kind: 'library',
    metric,
    arguments: readArguments(raw),
    // A v3.0.x `nullCheck` without operator means "no nulls"; every counting metric reads so.
    threshold: threshold ?? defaultZeroThreshold(),
    percent,
  };
}

/** true for percent, false for rows (the default), undefined for anything else. */
function readUnit(unit: unknown): boolean | undefined {
  if (unit === undefined || unit === null) return false;
  const name = typeof unit === 'string' ? unit.trim().toLowerCase() : '';
  if (['rows', 'row', 'count'].includes(name)) return false;
  if (['percent', 'percentage', '%'].includes(name)) return true;
  return undefined;
}

function readArguments(raw: RawRecord): RawRecord {
  const nested = asRecord(raw.arguments) ?? {};
  const loose = Object.fromEntries(
    LOOSE_ARGUMENTS.filter((key) => raw[key] !== undefined).map((key) => [key, raw[key]]),
  );
  return { ...loose, ...nested };
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}
