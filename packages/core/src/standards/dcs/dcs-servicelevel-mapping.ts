/**
 * DCS `servicelevels` → ODCS `slaProperties`.
 *
 * Each service level becomes one SLA property named after it, whose value is the level's main
 * measure (availability percentage, retention period, latency or freshness threshold,
 * frequency or backup interval, support time). Amounts written as number + unit ("25h",
 * "99.9%") are split into `value` and `unit`. The timestamp field a level is measured on
 * becomes `element`, a cron expression `schedule`. Every other scalar member becomes its own
 * SLA property named `<level><Member>` (e.g. `supportResponseTime`); anything that is not a
 * scalar is returned as a leftover for the document's custom properties.
 */
import type { ConversionContext } from './dcs-conversion-context.js';
import { childPointer, compact, isObject, isScalar, isString, setMember, type JsonObject } from './dcs-values.js';

interface LevelShape {
  readonly value?: string;
  readonly element?: string;
}

const LEVELS: Readonly<Record<string, LevelShape>> = {
  availability: { value: 'percentage' },
  retention: { value: 'period', element: 'timestampField' },
  latency: { value: 'threshold', element: 'sourceTimestampField' },
  freshness: { value: 'threshold', element: 'timestampField' },
  frequency: { value: 'interval' },
  support: { value: 'time' },
  backup: { value: 'interval' },
};

export interface ServiceLevelConversion {
  readonly slaProperties: JsonObject[];
  /** Members with no SLA place, in the shape they had under `servicelevels`. */
  readonly leftovers: JsonObject;
}

export function convertServiceLevels(
  raw: JsonObject,
  pointer: string,
  context: ConversionContext,
): ServiceLevelConversion {
  const slaProperties: JsonObject[] = [];
  const leftovers: JsonObject = {};
  for (const [level, body] of Object.entries(raw)) {
    if (!isObject(body)) {
      context.report('MW5112', 'warning', childPointer(pointer, level), `service level "${level}" should be an object`);
      setMember(leftovers, level, body);
      continue;
    }
    const shape = Object.hasOwn(LEVELS, level) ? LEVELS[level]! : {};
    const rest: JsonObject = {};
    let main: JsonObject = { value: null };
    let element: string | undefined;
    let description: string | undefined;
    let schedule: string | undefined;
    const extra: JsonObject[] = [];
    for (const [key, value] of Object.entries(body)) {
      if (value === null || value === undefined) continue;
      if (key === shape.value && isScalar(value)) main = amount(value);
      else if (key === shape.element && isString(value)) element = value;
      else if (key === 'description' && isString(value)) description = value;
      else if (key === 'cron' && isString(value)) schedule = value;
      else if (isScalar(value)) extra.push({ property: `${level}${capitalise(key)}`, ...amount(value) });
      else setMember(rest, key, value);
    }
    const scheduler = schedule === undefined ? undefined : 'cron';
    slaProperties.push(compact({ property: level, ...main, element, description, scheduler, schedule }), ...extra);
    if (Object.keys(rest).length > 0) setMember(leftovers, level, rest);
  }
  return { slaProperties, leftovers };
}

/** "25h" → { value: 25, unit: "h" }; other scalars are kept as they are. */
function amount(value: string | number | boolean | null): JsonObject {
  if (!isString(value)) return { value };
  const match = /^\s*(-?\d+(?:\.\d+)?)\s*(%|[A-Za-z]+)\s*$/.exec(value);
  if (!match || /^P/i.test(value.trim())) return { value };
  return { value: Number(match[1]), unit: match[2] };
}

function capitalise(key: string): string {
  return key.charAt(0).toUpperCase() + key.slice(1);
}
