/**
 * Contract-level `quality` and `examples` of DCS 0.9.x, which later versions moved into the
 * models. ODCS holds quality rules and examples only per schema object, so they are handed to
 * the model they name: quality specifications keyed by model (SodaCL's `checks for <model>`,
 * or the model name itself) are split per model; examples name their model. A specification
 * that names no model goes to the only model when there is one. What matches no model is
 * returned as residue for the document's custom properties.
 */
import { customProperty, isObject, isString, setMember, type CustomProperty, type JsonObject } from './dcs-values.js';

export interface LegacySections {
  /** Custom quality rules per model name. */
  readonly quality: ReadonlyMap<string, JsonObject[]>;
  /** Examples per model name, kept as a custom property of the schema object. */
  readonly examples: ReadonlyMap<string, unknown[]>;
  readonly residue: CustomProperty[];
}

const ENGINES: Readonly<Record<string, string>> = {
  sodacl: 'soda',
  'great-expectations': 'great-expectations',
  montecarlo: 'montecarlo',
};

export function splitLegacySections(
  quality: unknown,
  examples: unknown,
  modelNames: readonly string[],
): LegacySections {
  const residue: CustomProperty[] = [];
  return {
    quality: splitQuality(quality, modelNames, residue),
    examples: splitExamples(examples, modelNames, residue),
    residue,
  };
}

function splitQuality(
  quality: unknown,
  modelNames: readonly string[],
  residue: CustomProperty[],
): Map<string, JsonObject[]> {
  const out = new Map<string, JsonObject[]>();
  if (quality === undefined || quality === null) return out;
  const spec = isObject(quality) ? quality.specification : undefined;
  const type = isObject(quality) ? quality.type : undefined;
  const extraKeys = isObject(quality) ? Object.keys(quality).filter((k) => k !== 'type' && k !== 'specification') : [];
  if (!isString(type) || !(isString(spec) || isObject(spec)) || extraKeys.length > 0) {
    residue.push(customProperty('quality', quality));
    return out;
  }
  const engine = ENGINES[type.toLowerCase()] ?? type;
  // The DCS spelling of the engine (e.g. SodaCL) is kept when ODCS's differs.
  const original = engine === type ? {} : { customProperties: [customProperty('dcsType', type)] };
  const rule = (implementation: unknown): JsonObject => ({ type: 'custom', engine, implementation, ...original });
  if (isObject(spec)) {
    const unmatched: JsonObject = {};
    for (const [key, checks] of Object.entries(spec)) {
      const model = modelNames.find((name) => key === name || key === `checks for ${name}`);
      if (model === undefined) setMember(unmatched, key, checks);
      else out.set(model, [...(out.get(model) ?? []), rule({ [key]: checks })]);
    }
    if (Object.keys(unmatched).length === 0) return out;
    if (modelNames.length === 1) {
      const only = modelNames[0]!;
      out.set(only, [...(out.get(only) ?? []), rule(unmatched)]);
    } else residue.push(customProperty('quality', { type, specification: unmatched }));
    return out;
  }
  if (modelNames.length === 1) out.set(modelNames[0]!, [rule(spec)]);
  else residue.push(customProperty('quality', quality));
  return out;
}

function splitExamples(
  examples: unknown,
  modelNames: readonly string[],
  residue: CustomProperty[],
): Map<string, unknown[]> {
  const out = new Map<string, unknown[]>();
  if (examples === undefined || examples === null) return out;
  if (!Array.isArray(examples)) {
    residue.push(customProperty('examples', examples));
    return out;
  }
  const unmatched: unknown[] = [];
  for (const example of examples) {
    const model =
      isObject(example) && isString(example.model) ? modelNames.find((n) => n === example.model) : undefined;
    if (model === undefined) unmatched.push(example);
    else out.set(model, [...(out.get(model) ?? []), example]);
  }
  if (unmatched.length > 0) residue.push(customProperty('examples', unmatched));
  return out;
}
