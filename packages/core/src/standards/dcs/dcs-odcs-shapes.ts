/**
 * Checks that a value already has the shape ODCS v3.1.0 requires, for values that may be
 * carried over as they are. Formats are checked with the same Ajv formats Meshwork validates
 * with, so a value passing here passes the ODCS schema.
 */
import { Type } from '@sinclair/typebox';
import { createDocumentValidator } from '../schema-validator.js';
import { isObject, isString } from './dcs-values.js';

const uriIssues = createDocumentValidator(Type.String({ format: 'uri' }));

export function isUri(value: unknown): value is string {
  return isString(value) && uriIssues(value).length === 0;
}

export function isStableId(value: unknown): value is string {
  return isString(value) && /^[A-Za-z0-9_-]+$/.test(value);
}

const isOptionalString = (value: unknown) => value === undefined || isString(value);
const isOptionalStableId = (value: unknown) => value === undefined || isStableId(value);

/** Whether `value` is a list ODCS accepts as `authoritativeDefinitions`. */
export function isAuthoritativeDefinitionList(value: unknown): boolean {
  return (
    Array.isArray(value) &&
    value.every(
      (d) =>
        isObject(d) &&
        isString(d.url) &&
        isString(d.type) &&
        isOptionalString(d.description) &&
        isOptionalStableId(d.id) &&
        Object.keys(d).every((k) => ['url', 'type', 'description', 'id'].includes(k)),
    )
  );
}

/** Whether `value` is a list ODCS accepts as `customProperties`. */
export function isCustomPropertyList(value: unknown): boolean {
  return (
    Array.isArray(value) &&
    value.every(
      (p) =>
        isObject(p) &&
        isString(p.property) &&
        p.value !== undefined &&
        isOptionalString(p.description) &&
        isOptionalStableId(p.id) &&
        Object.keys(p).every((k) => ['property', 'value', 'description', 'id'].includes(k)),
    )
  );
}

/**
 * Percent-encodes the characters a URI may not contain (braces of `{model}` placeholders,
 * spaces…) and returns the result when that makes it a valid URI.
 */
export function encodeAsUri(value: string): string | undefined {
  const encoded = value.replace(/[^A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]/gu, (c) => encodeURIComponent(c));
  return isUri(encoded) ? encoded : undefined;
}
