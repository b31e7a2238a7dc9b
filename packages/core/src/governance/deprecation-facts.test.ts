/**
 * The deprecation facts policies read: the endOfLife as a day, since when the deprecation is known
 * (first publication, else today), the notice that gives, and the mesh's minimum — by themselves
 * and lifted from the demo mesh, whose deprecated sales.orders v1 must satisfy the notice policy.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadWorkspaceFromDisk } from '@meshwork/server';
import type { Contract } from '../model/model-types.js';
import { buildPolicySubject } from './build-policy-subject.js';
import { DEFAULT_DEPRECATION_NOTICE_DAYS, deprecationFacts, isDeprecatedContract } from './deprecation-facts.js';

function contract(status: string, endOfLife?: unknown): Contract {
  const slaProperties = endOfLife === undefined ? [] : [{ property: 'endOfLife', value: endOfLife }];
  return {
    id: 'c',
    version: '1.0.0',
    apiVersion: 'v3.1.0',
    status,
    file: 'c.odcs.yaml',
    tables: [],
    document: { slaProperties } as unknown as Contract['document'],
  };
}

describe('deprecation facts', () => {
  it('count the notice from the first publication as deprecated', () => {
    expect(deprecationFacts(contract('deprecated', '2027-06-30'), {}, '2026-11-01', '2026-11-21')).toEqual({
      endOfLife: '2027-06-30',
      deprecatedSince: '2026-11-01',
      noticeDays: 241,
      requiredNoticeDays: BigInt(DEFAULT_DEPRECATION_NOTICE_DAYS),
    });
  });

  it('count from today before the deprecation is published, in whole days', () => {
    expect(deprecationFacts(contract('Deprecated', '2026-12-21T12:00:00Z'), {}, undefined, '2026-11-21')).toMatchObject(
      {
        endOfLife: '2026-12-21',
        deprecatedSince: '2026-11-21',
        noticeDays: 30,
      },
    );
  });

  it('know nothing of an absent or unreadable endOfLife', () => {
    for (const value of [undefined, 'soon', 20270630]) {
      expect(deprecationFacts(contract('deprecated', value), {}, undefined, '2026-11-21')).toMatchObject({
        endOfLife: '',
        deprecatedSince: '2026-11-21',
        noticeDays: -1,
      });
    }
  });

  it('leave an active port without a deprecation date, and read the mesh’s notice period', () => {
    const facts = deprecationFacts(
      contract('active', '2027-06-30'),
      { lifecycle: { deprecationNoticeDays: 90 } },
      undefined,
      '2026-11-21',
    );
    expect(facts).toEqual({ endOfLife: '2027-06-30', deprecatedSince: '', noticeDays: -1, requiredNoticeDays: 90n });
    expect(isDeprecatedContract(contract('active'))).toBe(false);
    expect(isDeprecatedContract(undefined)).toBe(false);
  });
});

describe('the demo mesh', () => {
  it('deprecates sales.orders v1 with an endOfLife the notice policy accepts', async () => {
    const demo = fileURLToPath(new URL('../../../../examples/demo-mesh', import.meta.url));
    const { model } = await loadWorkspaceFromDisk(demo, {});
    const today = '2026-11-21';
    const subject = buildPolicySubject(model, model.products.get('sales.orders')!, { today });
    const [v2, v1] = [2, 1].map((major) => subject.facts.ports.find((p) => p.major === BigInt(major))!);
    expect(v1).toMatchObject({
      status: 'deprecated',
      endOfLife: '2027-06-30',
      deprecatedSince: today,
      requiredNoticeDays: 30n,
    });
    expect(v1!.noticeDays).toBeGreaterThanOrEqual(30);
    expect(v2).toMatchObject({ status: 'active', deprecatedSince: '', noticeDays: -1 });
  });
});
