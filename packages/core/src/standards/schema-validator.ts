/**
 * Compiles Meshwork's own schema definitions (TypeBox, i.e. JSON Schema objects) with Ajv
 * once, lazily, and turns Ajv's errors into SchemaIssues that point at the offending field.
 * The issues are data; the workspace loader turns them into positioned diagnostics.
 */
import { Ajv2019, type ErrorObject, type ValidateFunction } from 'ajv/dist/2019.js';
import addFormatsModule from 'ajv-formats';
import type { TSchema } from '@sinclair/typebox';

// ajv-formats is CommonJS; its default export arrives wrapped under some loaders.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as unknown as (
  ajv: Ajv2019,
) => Ajv2019;

export interface SchemaIssue {
  /** JSON pointer of the value at fault (for unknown keys: the unknown key itself). */
  readonly pointer: string;
  /** Ajv keyword that failed: `required`, `type`, `additionalProperties`, `enum`… */
  readonly keyword: string;
  readonly message: string;
  /** The key that is missing or unknown, for `required` and `additionalProperties`. */
  readonly key?: string;
}

export type DocumentValidator = (value: unknown) => readonly SchemaIssue[];

let sharedAjv: Ajv2019 | undefined;

function ajv(): Ajv2019 {
  if (!sharedAjv) {
    sharedAjv = new Ajv2019({ allErrors: true, strict: false, allowUnionTypes: true, validateFormats: true });
    addFormats(sharedAjv);
  }
  return sharedAjv;
}

/** Returns a validator for `schema`, compiled on first use and cached for the process. */
export function createDocumentValidator(schema: TSchema): DocumentValidator {
  let compiled: ValidateFunction | undefined;
  return (value) => {
    compiled ??= ajv().compile(schema);
    if (compiled(value)) return [];
    return simplifyIssues((compiled.errors ?? []).map(toIssue));
  };
}

function toIssue(error: ErrorObject): SchemaIssue {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'required') {
    const key = String(params.missingProperty);
    return { pointer: error.instancePath, keyword: 'required', key, message: `missing required field "${key}"` };
  }
  if (error.keyword === 'additionalProperties' || error.keyword === 'unevaluatedProperties') {
    const key = String(params.additionalProperty ?? params.unevaluatedProperty);
    return {
      pointer: `${error.instancePath}/${escapePointer(key)}`,
      keyword: 'additionalProperties',
      key,
      message: `unknown field "${key}"`,
    };
  }
  if (error.keyword === 'enum') {
    const allowed = (params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ');
    return { pointer: error.instancePath, keyword: 'enum', message: `must be one of ${allowed}` };
  }
  if (error.keyword === 'const') {
    return { pointer: error.instancePath, keyword: 'const', message: `must be ${JSON.stringify(params.allowedValue)}` };
  }
  return { pointer: error.instancePath, keyword: error.keyword, message: error.message ?? 'is invalid' };
}

/**
 * Ajv reports every branch of a failed `anyOf`/`oneOf`/`if` plus a summary error. The branch
 * errors are what users can act on; the summary errors ("must match a schema in anyOf",
 * "must match \"then\" schema") only repeat them, so they are dropped when something more
 * specific points at or below the same place. Duplicates are removed.
 */
function simplifyIssues(raw: SchemaIssue[]): SchemaIssue[] {
  const issues = mergeConstAlternatives(raw);
  const summary = new Set(['anyOf', 'oneOf', 'if', 'allOf', 'not']);
  const seen = new Set<string>();
  const out: SchemaIssue[] = [];
  for (const issue of issues) {
    if (
      summary.has(issue.keyword) &&
      issues.some((other) => !summary.has(other.keyword) && isAtOrBelow(other.pointer, issue.pointer))
    ) {
      continue;
    }
    const key = `${issue.pointer}\u0000${issue.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(issue);
  }
  return out;
}

/** `anyOf` of literals fails once per literal; users want one "must be one of a, b, c". */
function mergeConstAlternatives(issues: SchemaIssue[]): SchemaIssue[] {
  const constsAt = new Map<string, string[]>();
  for (const issue of issues) {
    if (issue.keyword !== 'const') continue;
    const list = constsAt.get(issue.pointer) ?? [];
    list.push(issue.message.replace(/^must be /, ''));
    constsAt.set(issue.pointer, list);
  }
  const out: SchemaIssue[] = [];
  for (const issue of issues) {
    const alternatives = constsAt.get(issue.pointer);
    if (issue.keyword !== 'const' || !alternatives || alternatives.length < 2) out.push(issue);
    else if (alternatives[0] === issue.message.replace(/^must be /, '')) {
      out.push({ pointer: issue.pointer, keyword: 'enum', message: `must be one of ${alternatives.join(', ')}` });
    }
  }
  return out;
}

function isAtOrBelow(pointer: string, ancestor: string): boolean {
  return pointer === ancestor || pointer.startsWith(`${ancestor}/`);
}

export function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}
