/**
 * Changes to the quality rules of a table or column. Rules are the producer's checks, with
 * thresholds and their own severities (a `warning` does not stop publication), not the schema
 * promises consumers code against (`required`, `unique`, `logicalTypeOptions`, compared as
 * promises elsewhere). So a looser or removed rule is risky, a stricter or new one non-breaking.
 */
import type { ContractChangeKind } from './change-kinds.js';
import { capitalised, contractChange, siteLabel, type ChangeSite, type ContractChange } from './contract-change.js';
import { showInterval, within, type Interval } from './quality-intervals.js';
import type { QualityRule } from './quality-rules.js';

type Direction = 'same' | 'tightened' | 'relaxed' | 'changed';

const SEVERITY_RANK: ReadonlyMap<string, number> = new Map([
  ['info', 0],
  ['warning', 1],
  ['error', 2],
]);

/** Ways to recognise a rule in the other version, most certain first. */
const IDENTITIES: readonly ((rule: QualityRule) => string | undefined)[] = [
  (rule) => rule.id && `id:${rule.id}`,
  (rule) => rule.name && `name:${rule.name}`,
  (rule) => `check:${rule.check}`,
  // Unnamed library rules of one metric are paired in order; other unnamed rules need the same check.
  (rule) => (rule.type === 'library' && rule.metric ? `metric:${rule.metric}` : undefined),
];

function pairRules(before: readonly QualityRule[], after: readonly QualityRule[]) {
  const open = new Set(after);
  const pairs: (readonly [QualityRule, QualityRule])[] = [];
  let unpaired = [...before];
  for (const identity of IDENTITIES) {
    unpaired = unpaired.filter((b) => {
      const key = identity(b);
      const a =
        key === undefined ? undefined : after.find((candidate) => open.has(candidate) && identity(candidate) === key);
      if (a === undefined) return true;
      open.delete(a);
      pairs.push([b, a]);
      return false;
    });
  }
  return { pairs, removed: unpaired, added: after.filter((a) => open.has(a)) };
}

function combine(directions: readonly Direction[]): Direction {
  const moved = new Set(directions.filter((d) => d !== 'same'));
  if (moved.size === 0) return 'same';
  return moved.size === 1 ? [...moved][0]! : 'changed';
}

/** A rule that accepts fewer results is a stricter check. */
function intervalDirection(before: Interval | undefined, after: Interval | undefined): Direction {
  if (before === undefined || after === undefined) return 'changed';
  const [narrower, wider] = [within(after, before), within(before, after)];
  if (narrower && wider) return 'same';
  if (narrower) return 'tightened';
  return wider ? 'relaxed' : 'changed';
}

function compareRules(b: QualityRule, a: QualityRule): { direction: Direction; details: string[] } {
  const details: string[] = [];
  const directions: Direction[] = [];
  if (b.check !== a.check || b.unit !== a.unit || b.otherOperators !== a.otherOperators) {
    directions.push('changed');
    details.push('what it checks changed');
  }
  if (b.accepts !== undefined || a.accepts !== undefined) {
    const direction = intervalDirection(b.accepts, a.accepts);
    directions.push(direction);
    if (direction !== 'same') details.push(`accepted ${showInterval(b.accepts)}, now ${showInterval(a.accepts)}`);
  }
  if (b.severity !== a.severity) {
    const [x, y] = [SEVERITY_RANK.get(b.severity ?? ''), SEVERITY_RANK.get(a.severity ?? '')];
    directions.push(x === undefined || y === undefined ? 'changed' : y > x ? 'tightened' : 'relaxed');
    details.push(`severity ${b.severity ?? 'unset'}, now ${a.severity ?? 'unset'}`);
  }
  return { direction: combine(directions), details };
}

const CONSEQUENCE: Readonly<Record<Exclude<Direction, 'same'>, readonly [ContractChangeKind, string]>> = {
  tightened: ['quality-rule-tightened', 'the producer checks the data more strictly'],
  relaxed: [
    'quality-rule-relaxed',
    'the producer checks the data less strictly, so consumers relying on it should review',
  ],
  changed: [
    'quality-rule-changed',
    'the old and new check cannot be compared, so consumers relying on it should review',
  ],
};

export function qualityChanges(
  site: ChangeSite,
  before: readonly QualityRule[],
  after: readonly QualityRule[],
): ContractChange[] {
  const { pairs, removed, added } = pairRules(before, after);
  const on = siteLabel(site);
  const changes = removed.map((rule) =>
    contractChange('quality-rule-removed', site, {
      pointer: rule.pointer,
      before: rule.node,
      explanation: `The quality rule ${rule.label} on ${on} was removed: the producer no longer runs that check, so consumers relying on it should review.`,
    }),
  );
  for (const [b, a] of [...pairs].sort(([, x], [, y]) => x.index - y.index)) {
    const { direction, details } = compareRules(b, a);
    if (direction === 'same') continue;
    const [kind, consequence] = CONSEQUENCE[direction];
    const explanation = `The quality rule ${a.label} on ${on} ${direction === 'changed' ? 'changed' : `was ${direction}`} (${details.join('; ')}): ${consequence}.`;
    changes.push(contractChange(kind, site, { pointer: a.pointer, before: b.node, after: a.node, explanation }));
  }
  for (const rule of added) {
    const explanation = capitalised(`a quality rule ${rule.label} was added on ${on}: a new check on the data.`);
    changes.push(contractChange('quality-rule-added', site, { pointer: rule.pointer, after: rule.node, explanation }));
  }
  return changes;
}
