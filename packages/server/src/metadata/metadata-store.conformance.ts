/**
 * The behaviour every MetadataStore adapter must have, as one suite each adapter's test file
 * runs against a real database (Hono's router `common.case.test.ts` pattern). Not a test file
 * itself: `describeMetadataStoreConformance` is called from the adapters' tests.
 */
import { describe } from 'vitest';
import { describeAgreementCases } from './test-support/agreement-cases.js';
import { describeAuditCases } from './test-support/audit-cases.js';
import { describeAuditIntegrityCases } from './test-support/audit-integrity-cases.js';
import { describeComplianceHistoryCases } from './test-support/compliance-history-cases.js';
import type { MetadataStoreHarness } from './test-support/conformance-harness.js';
import { describeDescriptorCases } from './test-support/descriptor-cases.js';
import { describeGovernanceCases } from './test-support/governance-cases.js';
import { describeIcebergCatalogCases } from './test-support/iceberg-catalog-cases.js';
import { describeIdentityCases } from './test-support/identity-cases.js';
import { describeLifecycleCases } from './test-support/lifecycle-cases.js';
import { describeLineageCases } from './test-support/lineage-cases.js';
import { describeProductCases } from './test-support/product-cases.js';
import { describeRunCases } from './test-support/run-cases.js';
import { describeRunListCases } from './test-support/run-list-cases.js';
import { describeScheduleClaimCases } from './test-support/schedule-claim-cases.js';
import { describeStatusBreachCases } from './test-support/status-breach-cases.js';
import { describeStatusCases } from './test-support/status-cases.js';
import { describeTokenCases } from './test-support/token-cases.js';
import { describeUsageCases } from './test-support/usage-cases.js';

export type { ConformanceDatabase, MetadataStoreHarness } from './test-support/conformance-harness.js';

export function describeMetadataStoreConformance(name: string, harness: MetadataStoreHarness): void {
  describe(`MetadataStore conformance: ${name}`, () => {
    describeProductCases(harness);
    describeDescriptorCases(harness);
    describeIdentityCases(harness);
    describeAuditCases(harness);
    describeAuditIntegrityCases(harness);
    describeRunCases(harness);
    describeRunListCases(harness);
    describeStatusCases(harness);
    describeStatusBreachCases(harness);
    describeTokenCases(harness);
    describeAgreementCases(harness);
    describeUsageCases(harness);
    describeGovernanceCases(harness);
    describeComplianceHistoryCases(harness);
    describeLineageCases(harness);
    describeLifecycleCases(harness);
    describeScheduleClaimCases(harness);
    describeIcebergCatalogCases(harness);
  });
}
