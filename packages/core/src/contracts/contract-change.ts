/** One difference between two versions of a contract, judged from the consumers' side. */
import { severityOfKind, type ContractChangeKind } from './change-kinds.js';
import type { ChangeSeverity } from './change-severity.js';
import { canonicalText } from './json-values.js';

export interface ContractChange {
  readonly kind: ContractChangeKind;
  readonly severity: ChangeSeverity;
  /** Schema object name. */
  readonly table?: string;
  /** Property name; a dotted path for nested properties, `[]` for the items of an array. */
  readonly column?: string;
  /** JSON pointer into the document where the change is: in `after` when the thing exists there, else in `before`. */
  readonly pointer: string;
  readonly before?: unknown;
  readonly after?: unknown;
  /** One sentence for humans: what changed and why it is breaking / risky / safe for consumers. */
  readonly explanation: string;
}

/** Where in the schema a change is; empty for contract-level changes. */
export interface ChangeSite {
  readonly table?: string;
  readonly column?: string;
}

export interface ChangeDraft {
  readonly pointer: string;
  readonly explanation: string;
  readonly before?: unknown;
  readonly after?: unknown;
}

/**
 * A frozen change whose severity is the kind's own (see change-kinds.ts). Absent fields are
 * left out rather than set to `undefined`, so changes print and compare cleanly.
 */
export function contractChange(kind: ContractChangeKind, site: ChangeSite, draft: ChangeDraft): ContractChange {
  return Object.freeze({
    kind,
    severity: severityOfKind(kind),
    ...(site.table !== undefined && { table: site.table }),
    ...(site.column !== undefined && { column: site.column }),
    pointer: draft.pointer,
    ...(draft.before !== undefined && { before: draft.before }),
    ...(draft.after !== undefined && { after: draft.after }),
    explanation: draft.explanation,
  });
}

/** How a site reads in an explanation: `column orders.order_id`, `table orders` or `the contract`. */
export function siteLabel(site: ChangeSite): string {
  if (site.column !== undefined) return `column ${site.table ?? '?'}.${site.column}`;
  if (site.table !== undefined) return `table ${site.table}`;
  return 'the contract';
}

/** Explanations are sentences; labels such as `column x.y` start them in lower case. */
export function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A value as it reads in an explanation. */
export function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value))
    return value.map((item) => (typeof item === 'string' ? item : canonicalText(item))).join(', ');
  return canonicalText(value);
}
