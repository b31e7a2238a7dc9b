/**
 * The entries of `slaProperties`, keyed by property (`latency`, `latency#2` for a second one),
 * and what each known property promises: how to read it as a number and which way is better.
 */
import { asArray, asRecord, canonicalText, fieldOf, textOf, under, type JsonRecord } from './json-values.js';
import { durationMs, numeric, timeOfDay } from './sla-values.js';

export interface SlaEntry {
  readonly key: string;
  /** As written, for explanations. */
  readonly property: string;
  readonly pointer: string;
  readonly node: JsonRecord;
}

export interface ServicePromise {
  readonly read: (entry: JsonRecord) => number | undefined;
  readonly higherIsBetter: boolean;
  /** What consumers lose when it weakens. */
  readonly loss: string;
}

const duration = (entry: JsonRecord) => durationMs(fieldOf(entry, 'value'), fieldOf(entry, 'unit'));
const late = 'consumers may get data later than their own jobs and promises assume';
const slow = 'consumers may wait longer for a fix or a notice than they were promised';

/** Keyed by the lower-cased property name. */
export const SERVICE_PROMISES: ReadonlyMap<string, ServicePromise> = new Map([
  ['latency', { read: duration, higherIsBetter: false, loss: late }],
  ['frequency', { read: duration, higherIsBetter: false, loss: 'data is refreshed less often than promised' }],
  ['retention', { read: duration, higherIsBetter: true, loss: 'data consumers query may be deleted sooner' }],
  ['timeofavailability', { read: (e) => timeOfDay(fieldOf(e, 'value')), higherIsBetter: false, loss: late }],
  ['timetodetect', { read: duration, higherIsBetter: false, loss: slow }],
  ['timetonotify', { read: duration, higherIsBetter: false, loss: slow }],
  ['timetorepair', { read: duration, higherIsBetter: false, loss: slow }],
  [
    'availability',
    { read: (e) => numeric(fieldOf(e, 'value')), higherIsBetter: true, loss: 'the data may be unavailable more often' },
  ],
]);

/** The announced end of a version: dates, later is better, none is best. */
export const LIFECYCLE_PROPERTIES: ReadonlySet<string> = new Set(['endofsupport', 'endoflife']);

export function slaEntriesOf(document: JsonRecord): SlaEntry[] {
  const used = new Set<string>();
  return asArray(fieldOf(document, 'slaProperties')).flatMap((item, index) => {
    const node = asRecord(item);
    const property = textOf(node, 'property');
    if (node === undefined || property === undefined) return [];
    const base = property.toLowerCase();
    let key = base;
    for (let n = 2; used.has(key); n++) key = `${base}#${n}`;
    used.add(key);
    return [{ key, property, pointer: under('/slaProperties', index), node }];
  });
}

export function showEntry(entry: SlaEntry): string {
  const value = fieldOf(entry.node, 'value');
  const unit = textOf(entry.node, 'unit');
  return `${typeof value === 'string' ? value : canonicalText(value)}${unit === undefined ? '' : ` ${unit}`}`;
}

/** Whether two entries promise the same, as written. */
export function sameWording(b: SlaEntry, a: SlaEntry): boolean {
  const wording = (e: SlaEntry) =>
    canonicalText([fieldOf(e.node, 'value'), fieldOf(e.node, 'valueExt'), textOf(e.node, 'unit')?.toLowerCase()]);
  return wording(b) === wording(a);
}
