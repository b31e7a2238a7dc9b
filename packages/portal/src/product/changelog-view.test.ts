import { describe, expect, it } from 'vitest';
import { bySeverity, majorVersions } from './changelog-view.js';
import type { ChangelogEntry, ContractWithId } from './product-api-types.js';

const contract = (port: string, major: number): ContractWithId => ({
  port,
  major,
  version: `${major}.0.0`,
  description: null,
  contractId: `${port}${major}`,
  workspaceVersion: `${major}.0.0`,
  registeredVersions: [],
  schema: [],
  slos: [],
});
const entry = (port: string, major: number, version: string): ChangelogEntry => ({
  port,
  major,
  version,
  publishedAt: null,
  publishedBy: null,
  from: null,
  severity: 'none',
  changes: [],
});

describe('majorVersions', () => {
  it('lists each port newest major first, its changelog newest first, and the major to compare with', () => {
    const view = majorVersions(
      [contract('orders', 1), contract('orders', 3), contract('lines', 1), contract('orders', 2)],
      [
        entry('orders', 1, '1.0.0'),
        entry('orders', 1, '1.1.0'),
        entry('orders', 3, '3.0.0'),
        entry('lines', 1, '1.0.0'),
      ],
    );
    expect(view.map((v) => [v.port, v.major, v.previousMajor, v.entries.map((e) => e.version)])).toEqual([
      ['lines', 1, null, ['1.0.0']],
      ['orders', 3, 2, ['3.0.0']],
      ['orders', 2, 1, []],
      ['orders', 1, null, ['1.1.0', '1.0.0']],
    ]);
  });
});

describe('bySeverity', () => {
  it('groups changes breaking first, and leaves out empty groups', () => {
    const change = (severity: 'breaking' | 'risky' | 'non-breaking', kind: string) => ({
      severity,
      kind,
      explanation: kind,
    });
    const groups = bySeverity([change('non-breaking', 'a'), change('breaking', 'b'), change('non-breaking', 'c')]);
    expect(groups.map((g) => [g.severity, g.changes.map((c) => c.kind)])).toEqual([
      ['breaking', ['b']],
      ['non-breaking', ['a', 'c']],
    ]);
  });
});
