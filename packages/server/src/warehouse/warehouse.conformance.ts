/**
 * The behaviour every Warehouse adapter must have, as one suite each adapter's test file runs
 * against real storage (the metadata store's pattern). Not a test file itself:
 * `describeWarehouseConformance` is called from the adapters' tests.
 */
import { describe } from 'vitest';
import { describeCrashCases } from './test-support/crash-cases.js';
import { describeInvariantCases } from './test-support/invariant-cases.js';
import { describeLockCases } from './test-support/lock-cases.js';
import { describePublishCases } from './test-support/publish-cases.js';
import { describeRetentionCases } from './test-support/retention-cases.js';
import type { WarehouseHarness } from './test-support/warehouse-harness.js';

export type { TestWarehouse, WarehouseHarness, WarehouseTestOptions } from './test-support/warehouse-harness.js';

export function describeWarehouseConformance(name: string, harness: WarehouseHarness): void {
  describe(`Warehouse conformance: ${name}`, () => {
    describePublishCases(harness);
    describeCrashCases(harness);
    describeLockCases(harness);
    describeRetentionCases(harness);
    describeInvariantCases(harness);
  });
}
