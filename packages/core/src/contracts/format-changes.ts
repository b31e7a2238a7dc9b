/**
 * How values are written: the `format` option and time zones. A different format breaks
 * whoever parses the values (`yyyy-MM-dd` → `dd.MM.yyyy`, `email` → `uri`) whichever way it
 * moves; the numeric formats (`i32`, `f64`) are widths and compare like physical types.
 * Declaring a format where there was none is a new promise; dropping it withdraws one.
 */
import { contractChange, show, siteLabel, type ChangeSite, type ContractChange } from './contract-change.js';
import { fieldOf, sameValue, type JsonRecord } from './json-values.js';
import { numericFormatType } from './physical-type-parse.js';
import { relatePhysicalTypes } from './physical-type-relation.js';

export function formatChange(site: ChangeSite, b: unknown, a: unknown, pointer: string): ContractChange[] {
  if (sameValue(b, a)) return [];
  const label = siteLabel(site);
  if (b === undefined) {
    const explanation = `The format of ${label} is now promised as ${show(a)}: a stronger promise about how values are written.`;
    return [contractChange('constraint-tightened', site, { pointer, after: a, explanation })];
  }
  if (a === undefined) {
    const explanation = `The format ${show(b)} of ${label} is no longer promised: consumers may now receive values written any way.`;
    return [contractChange('constraint-relaxed', site, { pointer, before: b, explanation })];
  }
  const widths = typeof b === 'string' && typeof a === 'string' ? [numericFormatType(b), numericFormatType(a)] : [];
  const relation = widths[0] && widths[1] ? relatePhysicalTypes(widths[0], widths[1]) : 'incompatible';
  if (relation === 'widened') {
    const explanation = `The numeric format of ${label} widened from ${show(b)} to ${show(a)}: old values fit, but larger ones may now appear, so fixed-width readers need review.`;
    return [contractChange('format-widened', site, { pointer, before: b, after: a, explanation })];
  }
  if (relation === 'narrowed') {
    const explanation = `The numeric format of ${label} narrowed from ${show(b)} to ${show(a)}: values consumers could receive before no longer fit.`;
    return [contractChange('format-narrowed', site, { pointer, before: b, after: a, explanation })];
  }
  if (relation === 'same') return [];
  const explanation = `The format of ${label} changed from ${show(b)} to ${show(a)}: values are written differently, so consumers parsing them break.`;
  return [contractChange('format-changed', site, { pointer, before: b, after: a, explanation })];
}

export function timezoneChanges(
  site: ChangeSite,
  before: JsonRecord | undefined,
  after: JsonRecord | undefined,
  pointerOf: (key: string) => string,
): ContractChange[] {
  const label = siteLabel(site);
  const zoned = [fieldOf(before, 'timezone') === true, fieldOf(after, 'timezone') === true] as const;
  if (zoned[0] !== zoned[1]) {
    const explanation = `Values of ${label} ${zoned[1] ? 'now carry' : 'no longer carry'} their time zone: the instants consumers compute from them shift.`;
    return [
      contractChange('timezone-changed', site, {
        pointer: pointerOf('timezone'),
        before: zoned[0],
        after: zoned[1],
        explanation,
      }),
    ];
  }
  const zone = [fieldOf(before, 'defaultTimezone'), fieldOf(after, 'defaultTimezone')] as const;
  if (sameValue(...zone)) return [];
  const pointer = pointerOf('defaultTimezone');
  if (zone[0] === undefined || zone[1] === undefined) {
    const explanation = `The default time zone of ${label} changed from ${show(zone[0])} to ${show(zone[1])}: one side leaves it to the reader, so consumers should check how they interpret values.`;
    return [contractChange('constraint-changed', site, { pointer, before: zone[0], after: zone[1], explanation })];
  }
  const explanation = `The default time zone of ${label} changed from ${show(zone[0])} to ${show(zone[1])}: values without a zone now stand for other instants.`;
  return [contractChange('timezone-changed', site, { pointer, before: zone[0], after: zone[1], explanation })];
}
