/**
 * Changes of `logicalTypeOptions`, judged by the promise rule: an option is a promise about the
 * values consumers receive, so a tighter option is non-breaking and a looser one is breaking.
 * Options whose old and new values cannot be ordered (bounds in different formats, an unknown
 * option) are risky, as are two different patterns; `format` and time zones change how values
 * are written (format-changes.ts).
 */
import type { ContractChangeKind } from './change-kinds.js';
import { fieldPointer, type ContractElement } from './contract-elements.js';
import { contractChange, show, siteLabel, type ChangeSite, type ContractChange } from './contract-change.js';
import { formatChange, timezoneChanges } from './format-changes.js';
import { asRecord, canonicalText, fieldOf, sameValue, under, type JsonRecord } from './json-values.js';
import { compareBounds, lowerBound, showBound, upperBound } from './value-bounds.js';

type Direction = 'same' | 'tightened' | 'relaxed' | 'changed';

/** One option compared: which key it sits at, how it moved, how it reads before and after. */
interface Verdict {
  readonly key: string;
  readonly option: string;
  readonly direction: Direction;
  readonly from: string;
  readonly to: string;
}

const KIND: Readonly<Record<Exclude<Direction, 'same'>, readonly [ContractChangeKind, string, string]>> = {
  tightened: ['constraint-tightened', 'tightened', 'a stronger promise about the values consumers receive'],
  relaxed: ['constraint-relaxed', 'was relaxed', 'consumers may now receive values the contract ruled out'],
  changed: ['constraint-changed', 'changed', 'Meshwork cannot tell which admits more, so consumers should review'],
};

/** Options where a larger number promises more (`min…`, 1) or less (`max…`, -1). */
const COUNT_OPTIONS: readonly (readonly [key: string, side: 1 | -1])[] = [
  ['minLength', 1],
  ['maxLength', -1],
  ['minItems', 1],
  ['maxItems', -1],
  ['minProperties', 1],
  ['maxProperties', -1],
];
const BOUND_KEYS = ['minimum', 'exclusiveMinimum', 'maximum', 'exclusiveMaximum'];
const WRITING_KEYS = ['pattern', 'format', 'timezone', 'defaultTimezone'];
// `enum` is compared as valid values (valid-values.ts).
const KNOWN = new Set([
  'enum',
  ...COUNT_OPTIONS.map(([key]) => key),
  ...BOUND_KEYS,
  ...WRITING_KEYS,
  'multipleOf',
  'uniqueItems',
  'required',
]);

/** Added is a new promise, removed a withdrawn one, otherwise `ordered` decides. */
function direction(b: unknown, a: unknown, ordered: (b: unknown, a: unknown) => Direction): Direction {
  if (sameValue(b, a)) return 'same';
  if (b === undefined) return 'tightened';
  return a === undefined ? 'relaxed' : ordered(b, a);
}

const byCount = (side: 1 | -1) => (b: unknown, a: unknown) =>
  typeof b === 'number' && typeof a === 'number' ? (Math.sign(a - b) * side > 0 ? 'tightened' : 'relaxed') : 'changed';

function byMultiple(b: unknown, a: unknown): Direction {
  if (typeof b !== 'number' || typeof a !== 'number' || b <= 0 || a <= 0) return 'changed';
  const whole = (x: number) => Math.abs(x - Math.round(x)) < 1e-9;
  // Every multiple of a is a multiple of b when a is a multiple of b.
  if (whole(a / b)) return 'tightened';
  return whole(b / a) ? 'relaxed' : 'changed';
}

/** Object `required`: any name no longer required relaxes, even if others were added. */
function byRequiredNames(b: unknown, a: unknown): Direction {
  const names = (v: unknown) => new Set((Array.isArray(v) ? v : []).map(canonicalText));
  const [before, after] = [names(b), names(a)];
  if ([...before].some((name) => !after.has(name))) return 'relaxed';
  return [...after].some((name) => !before.has(name)) ? 'tightened' : 'same';
}

function verdicts(before: JsonRecord | undefined, after: JsonRecord | undefined): Verdict[] {
  const shown = (v: unknown) => (v === undefined ? 'none' : show(v));
  const plain = (key: string, option: string, ordered: (b: unknown, a: unknown) => Direction): Verdict => {
    const [x, y] = [fieldOf(before, key), fieldOf(after, key)];
    return { key, option, direction: direction(x, y, ordered), from: shown(x), to: shown(y) };
  };
  const bounds = ([1, -1] as const).map((side): Verdict => {
    const read = side === 1 ? lowerBound : upperBound;
    const [x, y] = [read(before), read(after)];
    const option = side === 1 ? 'lower bound' : 'upper bound';
    return {
      key: (y ?? x)?.key ?? '',
      option,
      direction: compareBounds(x, y, side),
      from: showBound(x, side),
      to: showBound(y, side),
    };
  });
  const unique = [fieldOf(before, 'uniqueItems') === true, fieldOf(after, 'uniqueItems') === true] as const;
  const unknown = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].filter(
    (k) => !KNOWN.has(k),
  );
  return [
    ...bounds,
    ...COUNT_OPTIONS.map(([key, side]) => plain(key, key, byCount(side))),
    plain('multipleOf', 'multipleOf', byMultiple),
    {
      key: 'uniqueItems',
      option: 'uniqueItems',
      direction: unique[0] === unique[1] ? 'same' : unique[1] ? 'tightened' : 'relaxed',
      from: String(unique[0]),
      to: String(unique[1]),
    },
    plain('required', 'required properties', byRequiredNames),
    // Two patterns cannot be ordered here (pattern-changed below); adding or dropping one can.
    plain('pattern', 'pattern', () => 'same'),
    ...unknown.sort().map((key) => plain(key, key, () => 'changed')),
  ];
}

/** `compareFormat`: false when the logical type widened, so formats belong to different types. */
export function typeOptionChanges(
  site: ChangeSite,
  b: ContractElement,
  a: ContractElement,
  compareFormat: boolean,
): ContractChange[] {
  const before = asRecord(fieldOf(b.node, 'logicalTypeOptions'));
  const after = asRecord(fieldOf(a.node, 'logicalTypeOptions'));
  if (before === undefined && after === undefined) return [];
  const label = siteLabel(site);
  const pointerOf = (key: string): string => {
    if (after !== undefined && Object.hasOwn(after, key)) return under(a.pointer, 'logicalTypeOptions', key);
    if (before !== undefined && Object.hasOwn(before, key)) return under(b.pointer, 'logicalTypeOptions', key);
    return fieldPointer(b, a, 'logicalTypeOptions');
  };
  const changes = verdicts(before, after).flatMap(({ key, option, direction, from, to }) => {
    if (direction === 'same') return [];
    const [kind, verb, consequence] = KIND[direction];
    const explanation = `The ${option} of ${label} ${verb} from ${from} to ${to}: ${consequence}.`;
    return [contractChange(kind, site, { pointer: pointerOf(key), before: from, after: to, explanation })];
  });
  const [patternBefore, patternAfter] = [fieldOf(before, 'pattern'), fieldOf(after, 'pattern')];
  if (patternBefore !== undefined && patternAfter !== undefined && !sameValue(patternBefore, patternAfter)) {
    const explanation = `The pattern of ${label} changed from ${show(patternBefore)} to ${show(patternAfter)}: whether it admits values the old one rejected cannot be decided here, so consumers should review.`;
    const draft = { pointer: pointerOf('pattern'), before: patternBefore, after: patternAfter, explanation };
    changes.push(contractChange('pattern-changed', site, draft));
  }
  if (compareFormat)
    changes.push(...formatChange(site, fieldOf(before, 'format'), fieldOf(after, 'format'), pointerOf('format')));
  return [...changes, ...timezoneChanges(site, before, after, pointerOf)];
}
