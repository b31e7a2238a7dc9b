import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTRACT_CHANGE_KINDS, type ContractChangeKind } from './change-kinds.js';
import { CHANGE_SEVERITIES, overallSeverity } from './change-severity.js';

const documented = (): Map<string, string> => {
  const text = readFileSync(new URL('./CONTEXT.md', import.meta.url), 'utf8');
  return new Map([...text.matchAll(/^\|\s*`([a-z-]+)`\s*\|\s*([a-z-]+)\s*\|$/gm)].map((m) => [m[1]!, m[2]!]));
};

describe('change kinds', () => {
  it('are documented in CONTEXT.md with their severity, and only those', () => {
    const table = documented();
    const inCode = Object.entries(CONTRACT_CHANGE_KINDS).map(([kind, rule]) => [kind, rule.severity]);
    expect([...table.entries()].sort()).toEqual(inCode.sort());
  });

  it('each have a severity of the scale and a reason', () => {
    for (const rule of Object.values(CONTRACT_CHANGE_KINDS)) {
      expect(CHANGE_SEVERITIES).toContain(rule.severity);
      expect(rule.why.length).toBeGreaterThan(10);
    }
  });
});

describe('overallSeverity', () => {
  const of = (...kinds: ContractChangeKind[]) =>
    kinds.map((kind) => ({ severity: CONTRACT_CHANGE_KINDS[kind].severity }));

  it.each([
    [[], 'none'],
    [['column-added'], 'non-breaking'],
    [['column-added', 'valid-values-widened'], 'risky'],
    [['valid-values-widened', 'column-removed', 'column-added'], 'breaking'],
  ] as const)('of %j is %s', (kinds, expected) => {
    expect(overallSeverity(of(...kinds))).toBe(expected);
  });
});
