/**
 * The checks of a run that did not pass, read from the run record. Checks are stored as plain
 * JSON (quality results, input rejects), so each field is read defensively: a record written by
 * an older Meshwork still yields what it has.
 */
import type { JsonValue } from '../metadata/canonical-json.js';
import type { FailedCheck } from './incident-types.js';

type JsonObject = { readonly [key: string]: JsonValue };

/** Blocking failures first (they stopped the publish), then in the run's order. */
export function failedChecksOf(checks: readonly JsonValue[]): FailedCheck[] {
  const failed = checks.filter(isObject).flatMap((check) => {
    const status = check.status;
    if (status !== 'failed' && status !== 'error') return [];
    return [
      {
        id: text(check.id) ?? '(unnamed check)',
        status,
        blocking: check.blocking === true,
        message: text(check.message) ?? '',
        ...optional('port', text(check.port)),
        ...optional('major', typeof check.major === 'number' ? check.major : undefined),
        ...optional('column', text(check.column)),
        ...optional('rule', text(check.rule)),
        ...optional('observed', typeof check.observed === 'number' ? check.observed : text(check.observed)),
        ...optional('threshold', text(check.threshold)),
        ...optional('dimension', text(check.dimension)),
        ...optional('severity', text(check.severity)),
      } satisfies FailedCheck,
    ];
  });
  return [...failed.filter((c) => c.blocking), ...failed.filter((c) => !c.blocking)];
}

function isObject(value: JsonValue): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: JsonValue | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
