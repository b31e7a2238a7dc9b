/**
 * Changes to the service levels of `slaProperties`. They are promises like the schema's:
 * consumers schedule their jobs and build their own promises on them, so a weaker or removed
 * SLO is breaking and a stronger or new one non-breaking; retention shortened deletes data
 * consumers query. `endOfSupport` and `endOfLife` are the announced end of a version's
 * lifecycle, which deprecation sets on purpose: bringing them forward is risky, not breaking.
 * Values Meshwork cannot read or order are risky.
 */
import type { ContractChangeKind } from './change-kinds.js';
import { contractChange, type ContractChange } from './contract-change.js';
import { fieldOf, textOf, type JsonRecord } from './json-values.js';
import {
  LIFECYCLE_PROPERTIES,
  SERVICE_PROMISES,
  sameWording,
  showEntry,
  slaEntriesOf,
  type SlaEntry,
} from './sla-entries.js';
import { instant } from './sla-values.js';

const isLifecycle = (entry: SlaEntry) => LIFECYCLE_PROPERTIES.has(entry.property.toLowerCase());

/** A change located at `at`, carrying the entries it compares. */
function change(kind: ContractChangeKind, at: SlaEntry, explanation: string, sides: { b?: SlaEntry; a?: SlaEntry }) {
  return contractChange(kind, {}, { pointer: at.pointer, before: sides.b?.node, after: sides.a?.node, explanation });
}

function compareValues(b: SlaEntry, a: SlaEntry): ContractChange[] {
  if (sameWording(b, a)) return [];
  const what = `The ${a.property} SLO`;
  const from = `from ${showEntry(b)} to ${showEntry(a)}`;
  if (isLifecycle(a)) {
    const [x, y] = [instant(fieldOf(b.node, 'value')), instant(fieldOf(a.node, 'value'))];
    if (x !== undefined && y !== undefined && x !== y) {
      return y > x
        ? [
            change('end-of-life-postponed', a, `${what} moved later, ${from}: consumers keep this version longer.`, {
              b,
              a,
            }),
          ]
        : [
            change('end-of-life-brought-forward', a, `${what} moved earlier, ${from}: consumers must migrate sooner.`, {
              b,
              a,
            }),
          ];
    }
  }
  const promise = SERVICE_PROMISES.get(a.property.toLowerCase());
  const [x, y] = promise ? [promise.read(b.node), promise.read(a.node)] : [undefined, undefined];
  // `1 d` and `24 h` are the same promise.
  if (x !== undefined && x === y) return [];
  if (promise === undefined || x === undefined || y === undefined) {
    const explanation = `${what} changed ${from} in a way Meshwork cannot order: consumers relying on it should review.`;
    return [change('slo-changed', a, explanation, { b, a })];
  }
  return y > x === promise.higherIsBetter
    ? [change('slo-strengthened', a, `${what} strengthened ${from}: a stronger promise to consumers.`, { b, a })]
    : [change('slo-weakened', a, `${what} weakened ${from}: ${promise.loss}.`, { b, a })];
}

function compareEntries(b: SlaEntry, a: SlaEntry): ContractChange[] {
  const [was, is] = [textOf(b.node, 'element'), textOf(a.node, 'element')];
  const moved =
    was === is
      ? []
      : [
          change(
            'slo-changed',
            a,
            `The ${a.property} SLO now applies to ${is ?? 'the whole contract'} instead of ${was ?? 'the whole contract'}: consumers relying on it should review.`,
            { b, a },
          ),
        ];
  return [...moved, ...compareValues(b, a)];
}

function removed(b: SlaEntry): ContractChange {
  return isLifecycle(b)
    ? change('end-of-life-postponed', b, `The ${b.property} date ${showEntry(b)} was withdrawn: no end is announced.`, {
        b,
      })
    : change('slo-removed', b, `The ${b.property} SLO (${showEntry(b)}) was removed: consumers lose a promise.`, { b });
}

function added(a: SlaEntry): ContractChange {
  return isLifecycle(a)
    ? change(
        'end-of-life-brought-forward',
        a,
        `The ${a.property} is now announced as ${showEntry(a)}: consumers must migrate by then.`,
        { a },
      )
    : change('slo-added', a, `The ${a.property} SLO (${showEntry(a)}) was added: a new promise to consumers.`, { a });
}

export function sloChanges(before: JsonRecord, after: JsonRecord): ContractChange[] {
  const [was, is] = [slaEntriesOf(before), slaEntriesOf(after)];
  const previous = new Map(was.map((entry) => [entry.key, entry]));
  const current = new Set(is.map((entry) => entry.key));
  return [
    ...was.filter((entry) => !current.has(entry.key)).map(removed),
    ...is.flatMap((a) => {
      const b = previous.get(a.key);
      return b === undefined ? [added(a)] : compareEntries(b, a);
    }),
  ];
}
