/**
 * DCS `terms` → ODCS description usage and limitations, policies as authoritative
 * definitions of the description, and billing as `price` when it reads "<amount> <currency>
 * [per <unit>]" (e.g. "5000 USD per month"). The notice period and anything else have no
 * ODCS field and become custom properties of the document.
 */
import type { ConversionContext } from './dcs-conversion-context.js';
import { readKeys } from './dcs-key-reader.js';
import { compact, customProperty, isObject, isString, type CustomProperty, type JsonObject } from './dcs-values.js';

export interface TermsConversion {
  readonly usage?: string;
  readonly limitations?: string;
  readonly authoritativeDefinitions: JsonObject[];
  /** Policies ODCS cannot link to (no URL), for the description's custom properties. */
  readonly descriptionCustomProperties: CustomProperty[];
  readonly price?: JsonObject;
  /** Members with no ODCS place, for the document's custom properties. */
  readonly customProperties: CustomProperty[];
}

export function convertTerms(terms: JsonObject, pointer: string, context: ConversionContext): TermsConversion {
  const reader = readKeys(terms, pointer, context);
  const usage = reader.string('usage');
  const limitations = reader.string('limitations');
  const policies = reader.array('policies') ?? [];
  const authoritativeDefinitions: JsonObject[] = [];
  const descriptionCustomProperties: CustomProperty[] = [];
  for (const policy of policies) {
    const definition = policyToDefinition(policy);
    if (definition) authoritativeDefinitions.push(definition);
    else descriptionCustomProperties.push(customProperty('policy', policy));
  }
  const billing = reader.string('billing');
  const price = billing === undefined ? undefined : parsePrice(billing);
  if (billing !== undefined && price === undefined) reader.keep('billing', billing);
  return {
    ...compact({ usage, limitations, price }),
    authoritativeDefinitions,
    descriptionCustomProperties,
    customProperties: reader.leftovers(),
  };
}

/** A policy with a URL and one label (its type or its name) is a link ODCS can hold as is. */
function policyToDefinition(policy: unknown): JsonObject | undefined {
  if (!isObject(policy) || !isString(policy.url)) return undefined;
  const { url, type, name, description, ...rest } = policy;
  if (Object.keys(rest).length > 0 || (type !== undefined && name !== undefined)) return undefined;
  const label = type ?? name ?? 'policy';
  if (!isString(label) || (description !== undefined && !isString(description))) return undefined;
  return compact({ type: label, url, description });
}

export function parsePrice(billing: string): JsonObject | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s+([A-Z]{3})(?:\s+(?:per|\/)\s+(\S(?:.*\S)?))?\s*$/.exec(billing);
  if (!match) return undefined;
  return compact({ priceAmount: Number(match[1]), priceCurrency: match[2], priceUnit: match[3] });
}
