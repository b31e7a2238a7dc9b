import { describe, expect, it } from 'vitest';
import { selectContract, versionOptions } from './contract-selection.js';
import type { ContractWithId } from './product-api-types.js';

const contract = (major: number, workspaceVersion: string, registered: string[]): ContractWithId => ({
  port: 'orders',
  major,
  version: workspaceVersion,
  description: null,
  contractId: `c${major}`,
  workspaceVersion,
  registeredVersions: registered.map((version, i) => ({ version, publishedAt: `2026-0${i + 1}-01T00:00:00Z` })),
  schema: [],
  slos: [],
});

const v2 = contract(2, '2.1.0', ['2.0.0']);
const v1 = contract(1, '1.3.0', ['1.2.0', '1.3.0']);
const params = (query: string) => new URLSearchParams(query);

describe('versionOptions', () => {
  it('lists registered versions newest first, the unpublished workspace document first of all', () => {
    expect(versionOptions(v2).map((o) => o.value)).toEqual(['workspace', '2.0.0']);
    expect(versionOptions(v2)[0]!.label).toBe('2.1.0 · workspace, not published yet');
    expect(versionOptions(v1).map((o) => o.label)).toEqual([
      '1.3.0 (served) · published 2026-02-01',
      '1.2.0 · published 2026-01-01',
    ]);
  });
});

describe('selectContract', () => {
  it('defaults to the first port and the version it serves, rendered', () => {
    expect(selectContract([v2, v1], params(''))).toMatchObject({
      portKey: 'orders@2',
      version: 'workspace',
      view: 'rendered',
    });
    expect(selectContract([v1, v2], params(''))).toMatchObject({ portKey: 'orders@1', version: '1.3.0' });
  });

  it('follows the URL, and ignores what it does not know', () => {
    expect(selectContract([v2, v1], params('port=orders@1&version=1.2.0&view=yaml'))).toMatchObject({
      portKey: 'orders@1',
      version: '1.2.0',
      view: 'yaml',
    });
    expect(selectContract([v2, v1], params('port=nope@9&version=0.0.1&view=pdf'))).toMatchObject({
      portKey: 'orders@2',
      version: 'workspace',
      view: 'rendered',
    });
  });

  it('skips ports without a contract, and has nothing to show without any', () => {
    const none = { ...v2, contractId: null };
    expect(selectContract([none, v1], params(''))?.portKey).toBe('orders@1');
    expect(selectContract([none], params(''))).toBeUndefined();
  });
});
