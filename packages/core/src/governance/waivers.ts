/**
 * Waivers: the governance council's time-boxed exceptions. A waiver names one policy and one
 * product (optionally one port or column), an owner, a reason and the last day it applies. On
 * the day after, it stops applying by itself: the finding fails again, and loading the waivers
 * reports the expired one so that nobody is surprised.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { createDocumentValidator } from '../standards/schema-validator.js';
import { parseWorkspaceDocument } from '../workspace/parse-document.js';
import type { YamlSource } from '../yaml/yaml-source.js';
import { GOVERNANCE_CODES } from './governance-codes.js';
import type { AppliedWaiver } from './governance-report.js';
import { WaiverFileSchema, type Waiver } from './policy-file-schema.js';

/** The waiver that covers a failing target, if any. `column` is `table.column`. */
export type WaiverLookup = (
  policyId: string,
  productId: string,
  port: string | undefined,
  column: string | undefined,
) => AppliedWaiver | undefined;

export interface WaiverContext {
  readonly policyIds: ReadonlySet<string>;
  readonly productIds: ReadonlySet<string>;
  /** Users and teams that may own a waiver. */
  readonly owners: ReadonlySet<string>;
  readonly now: Date;
}

export interface LoadedWaivers {
  readonly active: readonly (Waiver & { readonly file: string })[];
  readonly expired: readonly (Waiver & { readonly file: string })[];
  readonly lookup: WaiverLookup;
  readonly diagnostics: readonly Diagnostic[];
}

const validateWaivers = createDocumentValidator(WaiverFileSchema);
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function loadWaivers(file: { path: string; text: string } | undefined, context: WaiverContext): LoadedWaivers {
  const diagnostics: Diagnostic[] = [];
  const active: (Waiver & { file: string })[] = [];
  const expired: (Waiver & { file: string })[] = [];
  if (file) {
    const parsed = parseWorkspaceDocument<{ waivers: Waiver[] }>(file.path, file.text, 'waivers', validateWaivers);
    diagnostics.push(...parsed.diagnostics);
    const today = context.now.toISOString().slice(0, 10);
    parsed.value?.waivers?.forEach((waiver, index) => {
      if (!parsed.valid) return;
      const at = (
        code: keyof typeof GOVERNANCE_CODES,
        field: string,
        message: string,
        severity: 'error' | 'warning' = 'error',
      ) => {
        diagnostics.push(problem(code, parsed.source, `/waivers/${index}${field}`, message, severity));
      };
      if (!isCalendarDate(waiver.expires)) {
        return at('MW5615', '/expires', `waiver expiry "${waiver.expires}" is not a date (YYYY-MM-DD)`);
      }
      if (!context.policyIds.has(waiver.policy))
        return at('MW5610', '/policy', `no enabled policy has the id ${waiver.policy}`);
      if (!context.productIds.has(waiver.product))
        return at('MW5610', '/product', `no product has the id ${waiver.product}`);
      if (!context.owners.has(waiver.owner))
        return at('MW5612', '/owner', `${waiver.owner} is not a user or team of mesh.yaml`);
      if (waiver.expires < today) {
        expired.push({ ...waiver, file: file.path });
        at(
          'MW5611',
          '/expires',
          `the waiver of ${waiver.policy} for ${waiver.product} expired on ${waiver.expires}; its findings count again`,
          'warning',
        );
        return;
      }
      active.push({ ...waiver, file: file.path });
    });
  }
  return { active, expired, lookup: lookupIn(active), diagnostics };
}

/** YYYY-MM-DD naming a real day (2027-02-30 is not one). */
function isCalendarDate(text: string): boolean {
  if (!DATE.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

function lookupIn(waivers: readonly (Waiver & { readonly file: string })[]): WaiverLookup {
  const byKey = new Map<string, (Waiver & { readonly file: string })[]>();
  for (const waiver of waivers) {
    const key = `${waiver.policy}\u0000${waiver.product}`;
    byKey.set(key, [...(byKey.get(key) ?? []), waiver]);
  }
  return (policyId, productId, port, column) => {
    const match = byKey
      .get(`${policyId}\u0000${productId}`)
      ?.find(
        (w) =>
          (w.port === undefined || w.port === port) &&
          (w.column === undefined || w.column === column || column?.endsWith(`.${w.column}`) === true),
      );
    return match ? { owner: match.owner, reason: match.reason, expires: match.expires, file: match.file } : undefined;
  };
}

function problem(
  code: keyof typeof GOVERNANCE_CODES,
  source: YamlSource,
  pointer: string,
  message: string,
  severity: 'error' | 'warning',
): Diagnostic {
  return {
    code,
    severity,
    file: source.file,
    ...source.locate(pointer),
    pointer,
    message,
    fix: GOVERNANCE_CODES[code].fix,
  };
}
