import { describe, expect, it } from 'vitest';
import type { ContractWithId } from './product-api-types.js';
import { sloStatus } from './slo-status.js';

const contract = (major: number, slos: ContractWithId['slos']): ContractWithId => ({
  port: 'orders',
  major,
  version: `${major}.0.0`,
  description: null,
  contractId: `c${major}`,
  workspaceVersion: `${major}.0.0`,
  registeredVersions: [],
  schema: [],
  slos,
});

const contracts = [
  contract(2, [
    { property: 'frequency', value: 1, unit: 'h' },
    { property: 'availability', value: 99.9, unit: 'percent' },
  ]),
  contract(1, [{ property: 'endOfLife', value: '2027-06-30' }]),
];
const at = '2026-11-21T10:00:00Z';

describe('sloStatus', () => {
  it('is met when fresh, and lists the objectives, not end-of-life dates', () => {
    expect(sloStatus({ status: { status: 'fresh', reason: 'published by run r1', at }, contracts })).toEqual({
      level: 'met',
      label: 'met',
      detail: 'published by run r1',
      since: at,
      objectives: ['orders v2: frequency 1 h, availability 99.9 percent'],
    });
  });

  it('is breached when stale or failing, saying why', () => {
    const stale = sloStatus({ status: { status: 'stale', reason: 'newest snapshot 200 min old', at }, contracts });
    expect(stale).toMatchObject({
      level: 'breached',
      label: 'breached: stale',
      detail: 'the data is older than promised — newest snapshot 200 min old',
    });
    const failing = sloStatus({ status: { status: 'failing', reason: 'run r2 failed', at }, contracts });
    expect(failing).toMatchObject({ level: 'breached', detail: 'the last run failed — run r2 failed' });
  });

  it('is unknown before the first evaluation, or without an objective', () => {
    expect(sloStatus({ status: null, contracts })).toMatchObject({ level: 'unknown', detail: 'not evaluated yet' });
    expect(sloStatus({ status: null, contracts: [contracts[1]!] })).toMatchObject({
      level: 'unknown',
      detail: 'no freshness objective declared',
      objectives: [],
    });
  });
});
