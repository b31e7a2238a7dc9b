/**
 * Reads the members of one DCS object while remembering which were used, so that each mapper
 * can hand everything it did not place to `customProperties`: nothing is dropped silently.
 */
import type { ConversionContext } from './dcs-conversion-context.js';
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

export interface KeyReader {
  readonly pointer: string;
  /** The raw value under `key` (undefined when absent); the key counts as used. */
  take(key: string): unknown;
  /** The raw value under `key`, without counting it as used. */
  peek(key: string): unknown;
  string(key: string): string | undefined;
  boolean(key: string): boolean | undefined;
  number(key: string): number | undefined;
  stringArray(key: string): string[] | undefined;
  object(key: string): JsonObject | undefined;
  array(key: string): unknown[] | undefined;
  /** Puts a used value back among the leftovers, under its own key or another name. */
  keep(property: string, value: unknown): void;
  /** Members not used, and those kept, as custom properties in source order. */
  leftovers(): CustomProperty[];
}

export function readKeys(source: JsonObject, pointer: string, context: ConversionContext): KeyReader {
  const used = new Set<string>();
  const kept: CustomProperty[] = [];

  const typed =
    <T>(guard: (value: unknown) => value is T, expected: string) =>
    (key: string): T | undefined => {
      const value = reader.take(key);
      if (value === undefined || value === null || guard(value)) return value ?? undefined;
      context.report(
        'MW5112',
        'warning',
        childPointer(pointer, key),
        `"${key}" should be ${expected}; it was kept as a custom property`,
      );
      kept.push(customProperty(key, value));
      return undefined;
    };

  const reader: KeyReader = {
    pointer,
    take(key) {
      used.add(key);
      return reader.peek(key);
    },
    peek(key) {
      return Object.hasOwn(source, key) ? source[key] : undefined;
    },
    string: typed(isString, 'a string'),
    boolean: typed((v): v is boolean => typeof v === 'boolean', 'a boolean'),
    number: typed(isFiniteNumber, 'a number'),
    stringArray: typed(isStringArray, 'a list of strings'),
    object: typed(isObject, 'an object'),
    array: typed(Array.isArray, 'a list'),
    keep(property, value) {
      kept.push(customProperty(property, value));
    },
    leftovers() {
      const unused = Object.entries(source)
        .filter(([key]) => !used.has(key))
        .map(([key, value]) => customProperty(key, value));
      return [...unused, ...kept];
    },
  };
  return reader;
}
