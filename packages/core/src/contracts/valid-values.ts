/**
 * The values a column may take, where a contract lists them. ODCS v3.1.0 has no enumeration
 * keyword: the list lives in a quality rule (`metric: invalidValues` with
 * `arguments.validValues`; v3.0.x wrote `rule: validValues`, with `validValues` on the rule or
 * in `arguments`). The v3.2.0 draft adds `enum` on the property, and converted contracts put
 * one in `logicalTypeOptions`; both are read too. Several lists all hold, so the column's
 * values are their intersection.
 *
 * Categorical values grow in the normal life of a product (a new sales channel), and most
 * consumers group or filter by them, which a new value does not break. So a value added is
 * risky, for consumers that handle every value explicitly (CASE without ELSE, exhaustive
 * switches, fixed mappings); a value dropped is a stronger promise, non-breaking: filters on it
 * keep running and match nothing.
 */
import {
  capitalised,
  contractChange,
  show,
  siteLabel,
  type ChangeSite,
  type ContractChange,
} from './contract-change.js';
import type { ContractElement } from './contract-elements.js';
import { asArray, asRecord, canonicalText, fieldOf, under } from './json-values.js';
import { metricOf } from './quality-rules.js';

interface ValueList {
  readonly values: readonly unknown[];
  readonly pointer: string;
}

function listsOf(column: ContractElement): ValueList[] {
  const lists: ValueList[] = [];
  const options = asRecord(fieldOf(column.node, 'logicalTypeOptions'));
  for (const [list, pointer] of [
    [fieldOf(column.node, 'enum'), under(column.pointer, 'enum')],
    [fieldOf(options, 'enum'), under(column.pointer, 'logicalTypeOptions', 'enum')],
  ] as const) {
    if (!Array.isArray(list)) continue;
    // Draft entries are objects with a `value` and a label; plain values are read as they are.
    const values = list.map((entry: unknown) => {
      const record = asRecord(entry);
      return record !== undefined && Object.hasOwn(record, 'value') ? record.value : entry;
    });
    lists.push({ values, pointer });
  }
  asArray(fieldOf(column.node, 'quality')).forEach((entry, index) => {
    const rule = asRecord(entry);
    if (rule === undefined || metricOf(rule) !== 'invalidValues') return;
    const args = asRecord(fieldOf(rule, 'arguments'));
    const inArguments = fieldOf(args, 'validValues');
    const onRule = fieldOf(rule, 'validValues');
    const rulePointer = under(column.pointer, 'quality', index);
    if (Array.isArray(inArguments))
      lists.push({ values: inArguments, pointer: under(rulePointer, 'arguments', 'validValues') });
    else if (Array.isArray(onRule)) lists.push({ values: onRule, pointer: under(rulePointer, 'validValues') });
  });
  return lists;
}

/** The values every list allows, in the order of the first list, without repeats. */
function allowedValues(column: ContractElement): ValueList | undefined {
  const [first, ...rest] = listsOf(column);
  if (first === undefined) return undefined;
  const others = rest.map((list) => new Set(list.values.map(canonicalText)));
  const seen = new Set<string>();
  const values = first.values.filter((value) => {
    const text = canonicalText(value);
    if (seen.has(text) || others.some((set) => !set.has(text))) return false;
    seen.add(text);
    return true;
  });
  return { values, pointer: first.pointer };
}

export function validValuesChanges(site: ChangeSite, b: ContractElement, a: ContractElement): ContractChange[] {
  const [before, after] = [allowedValues(b), allowedValues(a)];
  if (before === undefined && after === undefined) return [];
  const label = siteLabel(site);
  const pointer = (after ?? before)!.pointer;
  if (before === undefined) {
    const explanation = capitalised(
      `${label} now admits only ${show(after!.values)}: a stronger promise about its values.`,
    );
    return [contractChange('valid-values-narrowed', site, { pointer, after: after!.values, explanation })];
  }
  if (after === undefined) {
    const explanation = capitalised(
      `${label} no longer restricts its values to ${show(before.values)}: consumers that handle every value explicitly must expect others.`,
    );
    return [contractChange('valid-values-widened', site, { pointer, before: before.values, explanation })];
  }
  const texts = (list: ValueList) => new Set(list.values.map(canonicalText));
  const [was, is] = [texts(before), texts(after)];
  const added = after.values.filter((v) => !was.has(canonicalText(v)));
  const dropped = before.values.filter((v) => !is.has(canonicalText(v)));
  const draft = { pointer, before: before.values, after: after.values };
  if (added.length > 0) {
    const also = dropped.length > 0 ? ` (and no longer ${show(dropped)})` : '';
    const explanation = capitalised(
      `${label} now also admits ${show(added)}${also}: consumers that handle every value explicitly must add them.`,
    );
    return [contractChange('valid-values-widened', site, { ...draft, explanation })];
  }
  if (dropped.length > 0) {
    const explanation = capitalised(
      `${label} no longer admits ${show(dropped)}: a stronger promise; filters on those values keep running and match nothing.`,
    );
    return [contractChange('valid-values-narrowed', site, { ...draft, explanation })];
  }
  return [];
}
