/**
 * DCS quality checks → ODCS v3.1.0 data quality rules.
 *
 * ODCS is stricter than DCS in three ways, handled here: a sql or library rule must carry
 * exactly one threshold operator (a DCS check with several becomes one rule per operator,
 * which is the same conjunction); library metrics are a closed list; a custom rule needs
 * both engine and implementation. A check ODCS cannot run is kept as a `text` rule whose
 * custom properties hold the rest, and reported.
 */
import type { ConversionContext } from './dcs-conversion-context.js';
import { readKeys, type KeyReader } from './dcs-key-reader.js';
import { isAuthoritativeDefinitionList, isCustomPropertyList, isStableId } from './dcs-odcs-shapes.js';
import {
  childPointer,
  customProperty,
  isFiniteNumber,
  isObject,
  isString,
  isStringArray,
  type CustomProperty,
  type JsonObject,
} from './dcs-values.js';

const LIBRARY_METRICS = ['nullValues', 'missingValues', 'invalidValues', 'duplicateValues', 'rowCount'];
const DIMENSIONS = ['accuracy', 'completeness', 'conformity', 'consistency', 'coverage', 'timeliness', 'uniqueness'];

/** DCS operator names → ODCS names (DCS still accepts two deprecated spellings). */
const OPERATORS: Readonly<Record<string, string>> = {
  mustBe: 'mustBe',
  mustNotBe: 'mustNotBe',
  mustBeGreaterThan: 'mustBeGreaterThan',
  mustBeGreaterOrEqualTo: 'mustBeGreaterOrEqualTo',
  mustBeGreaterThanOrEqualTo: 'mustBeGreaterOrEqualTo',
  mustBeLessThan: 'mustBeLessThan',
  mustBeLessOrEqualTo: 'mustBeLessOrEqualTo',
  mustBeLessThanOrEqualTo: 'mustBeLessOrEqualTo',
  mustBeBetween: 'mustBeBetween',
  mustNotBeBetween: 'mustNotBeBetween',
};

export function convertQualityList(raw: unknown, pointer: string, context: ConversionContext): JsonObject[] {
  if (!Array.isArray(raw)) {
    context.report('MW5112', 'warning', pointer, '"quality" should be a list; it was kept as a text rule');
    return [textRule({}, [customProperty('quality', raw)])];
  }
  return raw.flatMap((item, index) => convertQuality(item, childPointer(pointer, index), context));
}

export function convertQuality(raw: unknown, pointer: string, context: ConversionContext): JsonObject[] {
  if (!isObject(raw)) {
    context.report('MW5112', 'warning', pointer, 'a quality check should be an object; it was kept as a text rule');
    return [textRule({}, [customProperty('quality', raw)])];
  }
  const reader = readKeys(raw, pointer, context);
  const common = commonMembers(reader);
  const type = reader.take('type');
  const inferred =
    type ?? ((raw.metric ?? raw.rule) ? 'library' : raw.query ? 'sql' : raw.engine ? 'custom' : undefined);

  if (inferred === 'text' || inferred === undefined) {
    return [textRule(common, reader.leftovers(), type === undefined ? undefined : 'text')];
  }
  if (inferred === 'sql') return sqlRules(reader, common, context);
  if (inferred === 'library') return libraryRules(reader, common, context);
  if (inferred === 'custom') return customRule(reader, common, context);
  return fallBackToText(reader, common, context, `quality type ${JSON.stringify(type)} is not one ODCS knows`, type);
}

function sqlRules(reader: KeyReader, common: JsonObject, context: ConversionContext): JsonObject[] {
  const query = reader.take('query');
  if (!isString(query)) {
    if (query !== undefined) reader.keep('query', query);
    return fallBackToText(reader, common, context, 'a sql check needs a query', 'sql');
  }
  const operators = takeOperators(reader);
  if (operators.length === 0) {
    reader.keep('query', query);
    return fallBackToText(reader, common, context, 'a sql check needs a threshold such as mustBeLessThan', 'sql');
  }
  const leftovers = reader.leftovers();
  return operators.map(([name, value]) => withCustom({ type: 'sql', ...common, query, [name]: value }, leftovers));
}

function libraryRules(reader: KeyReader, common: JsonObject, context: ConversionContext): JsonObject[] {
  const metric = reader.take('metric');
  const rule = reader.take('rule');
  const chosen = metric ?? rule;
  if (metric !== undefined && rule !== undefined) reader.keep('rule', rule);
  if (!isString(chosen) || !LIBRARY_METRICS.includes(chosen)) {
    if (chosen !== undefined) reader.keep('metric', chosen);
    return fallBackToText(
      reader,
      common,
      context,
      `library metric ${JSON.stringify(chosen)} is not one ODCS knows`,
      'library',
    );
  }
  const args = reader.object('arguments');
  const operators = takeOperators(reader);
  if (operators.length === 0) {
    reader.keep('metric', chosen);
    if (args !== undefined) reader.keep('arguments', args);
    return fallBackToText(reader, common, context, 'a library check needs a threshold such as mustBe', 'library');
  }
  const leftovers = reader.leftovers();
  return operators.map(([name, value]) =>
    withCustom(
      { type: 'library', ...common, metric: chosen, ...(args === undefined ? {} : { arguments: args }), [name]: value },
      leftovers,
    ),
  );
}

function customRule(reader: KeyReader, common: JsonObject, context: ConversionContext): JsonObject[] {
  const engine = reader.take('engine');
  const implementation = reader.take('implementation');
  if (isString(engine) && (isString(implementation) || isObject(implementation))) {
    return [withCustom({ type: 'custom', ...common, engine, implementation }, reader.leftovers())];
  }
  if (engine !== undefined) reader.keep('engine', engine);
  if (implementation !== undefined) reader.keep('implementation', implementation);
  return fallBackToText(
    reader,
    common,
    context,
    'a custom check needs an engine and a text or object implementation',
    'custom',
  );
}

/** Takes every operator that has a value ODCS accepts; others stay among the leftovers. */
function takeOperators(reader: KeyReader): [string, unknown][] {
  const out: [string, unknown][] = [];
  for (const [dcsName, odcsName] of Object.entries(OPERATORS)) {
    const value = reader.take(dcsName);
    if (value === undefined) continue;
    const normalised = operatorValue(odcsName, value);
    if (normalised === undefined) reader.keep(dcsName, value);
    else out.push(normalised);
  }
  return out;
}

function operatorValue(name: string, value: unknown): [string, unknown] | undefined {
  if (name === 'mustBe' || name === 'mustNotBe') {
    // ODCS compares equality with any value, as DCS library checks do.
    return [name, value];
  }
  if (name === 'mustBeBetween' || name === 'mustNotBeBetween') {
    if (!Array.isArray(value) || value.length !== 2 || !value.every(isFiniteNumber)) return undefined;
    // ODCS wants two distinct bounds; a range of one value is an equality.
    if (value[0] === value[1]) return [name === 'mustBeBetween' ? 'mustBe' : 'mustNotBe', value[0]];
    return [name, value];
  }
  return isFiniteNumber(value) ? [name, value] : undefined;
}

/** The members every ODCS rule may have, when their values fit. */
function commonMembers(reader: KeyReader): JsonObject {
  const out: JsonObject = {};
  const keepUnless = (key: string, fits: (v: unknown) => boolean) => {
    const value = reader.take(key);
    if (value === undefined) return;
    if (fits(value)) out[key] = value;
    else reader.keep(key, value);
  };
  keepUnless('id', isStableId);
  for (const key of ['name', 'description', 'method', 'schedule', 'scheduler', 'severity', 'businessImpact', 'unit']) {
    keepUnless(key, isString);
  }
  keepUnless('dimension', (v) => isString(v) && DIMENSIONS.includes(v));
  keepUnless('tags', isStringArray);
  keepUnless('authoritativeDefinitions', isAuthoritativeDefinitionList);
  keepUnless('customProperties', isCustomPropertyList);
  return out;
}

function fallBackToText(
  reader: KeyReader,
  common: JsonObject,
  context: ConversionContext,
  why: string,
  dcsType: unknown,
): JsonObject[] {
  context.report('MW5109', 'warning', reader.pointer, `${why}; it was imported as a text rule`);
  return [textRule(common, reader.leftovers(), dcsType)];
}

function textRule(common: JsonObject, leftovers: CustomProperty[], dcsType?: unknown): JsonObject {
  const extra = dcsType === undefined || dcsType === 'text' ? [] : [customProperty('type', dcsType)];
  return withCustom({ type: 'text', ...common }, [...extra, ...leftovers]);
}

function withCustom(rule: JsonObject, leftovers: readonly CustomProperty[]): JsonObject {
  if (leftovers.length === 0) return rule;
  const existing = Array.isArray(rule.customProperties) ? (rule.customProperties as unknown[]) : [];
  return { ...rule, customProperties: [...existing, ...leftovers] };
}
