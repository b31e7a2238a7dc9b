/**
 * Data quality rules of a table or column, read the same way in both ODCS versions: v3.0.x
 * names a library check `rule` (`nullCheck`, `duplicateCount`, `validValues`…), v3.1.0 names it
 * `metric`; a rule without `type` is a library rule when it names a check. What a rule accepts
 * is read as an interval of the measured result, so a change can be judged without knowing
 * whether the metric counts good or bad rows: a smaller accepted set is a stricter check.
 */
import { asArray, asRecord, canonicalText, fieldOf, textOf, under, type JsonRecord } from './json-values.js';
import { intervalOf, type Interval } from './quality-intervals.js';

const METRIC_ALIASES: ReadonlyMap<string, string> = new Map([
  ['nullvalues', 'nullValues'],
  ['nullcheck', 'nullValues'],
  ['notnull', 'nullValues'],
  ['missingvalues', 'missingValues'],
  ['invalidvalues', 'invalidValues'],
  ['validvalues', 'invalidValues'],
  ['duplicatevalues', 'duplicateValues'],
  ['duplicatecount', 'duplicateValues'],
  ['uniquecheck', 'duplicateValues'],
  ['rowcount', 'rowCount'],
  ['countcheck', 'rowCount'],
]);

/** The rule's check as v3.1.0 names it, whichever version wrote it. */
export function metricOf(rule: JsonRecord): string | undefined {
  const written = textOf(rule, 'metric') ?? textOf(rule, 'rule');
  return written === undefined ? undefined : (METRIC_ALIASES.get(written.toLowerCase()) ?? written);
}

export function typeOf(rule: JsonRecord): string {
  const written = textOf(rule, 'type')?.toLowerCase();
  if (written !== undefined) return written;
  if (metricOf(rule) !== undefined) return 'library';
  if (textOf(rule, 'query') !== undefined) return 'sql';
  return textOf(rule, 'engine') !== undefined ? 'custom' : 'text';
}

/** Arguments without the valid values, which valid-values.ts compares on their own. */
function checkedArguments(rule: JsonRecord): unknown {
  const args = asRecord(fieldOf(rule, 'arguments'));
  if (args === undefined) return fieldOf(rule, 'arguments');
  const rest = Object.entries(args).filter(([key]) => key !== 'validValues');
  // `arguments: { validValues }` and a v3.0.x rule with `validValues` on it check the same.
  return rest.length === 0 ? undefined : Object.fromEntries(rest);
}

export interface QualityRule {
  readonly index: number;
  readonly pointer: string;
  readonly node: JsonRecord;
  readonly id?: string;
  readonly name?: string;
  readonly type: string;
  readonly metric?: string;
  /** What the check computes; a different text is a different check. */
  readonly check: string;
  /** The accepted results, or undefined when the rule compares with no number. */
  readonly accepts?: Interval;
  /** Operators that are not an interval (`mustNotBe`, `mustNotBeBetween`, non-numeric `mustBe`). */
  readonly otherOperators: string;
  readonly unit?: string;
  readonly severity?: string;
  /** How the rule reads in an explanation. */
  readonly label: string;
}

export function qualityRulesOf(node: JsonRecord, pointer: string): QualityRule[] {
  return asArray(fieldOf(node, 'quality')).flatMap((entry, index) => {
    const rule = asRecord(entry);
    if (rule === undefined) return [];
    const type = typeOf(rule);
    const metric = metricOf(rule);
    const name = textOf(rule, 'name');
    const check = canonicalText({
      type,
      metric,
      arguments: checkedArguments(rule),
      query: textOf(rule, 'query')?.replace(/\s+/g, ' '),
      engine: fieldOf(rule, 'engine'),
      implementation: fieldOf(rule, 'implementation'),
    });
    const { accepts, otherOperators } = intervalOf(rule);
    const id = textOf(rule, 'id');
    const unit = textOf(rule, 'unit')?.toLowerCase();
    const severity = textOf(rule, 'severity')?.toLowerCase();
    return [
      {
        index,
        pointer: under(pointer, 'quality', index),
        node: rule,
        ...(id !== undefined && { id }),
        ...(name !== undefined && { name }),
        type,
        ...(metric !== undefined && { metric }),
        check,
        ...(accepts !== undefined && { accepts }),
        otherOperators,
        ...(unit !== undefined && { unit }),
        ...(severity !== undefined && { severity }),
        label: name ?? metric ?? `${type} rule`,
      },
    ];
  });
}
