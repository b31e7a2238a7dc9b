/** Every migration this build knows, in the order they run. Append only; never edit a released one. */
import { initialSchema } from './0001-initial-schema.js';
import { runsAndStatus } from './0002-runs-and-status.js';
import { apiTokens } from './0003-api-tokens.js';
import { agreements } from './0004-agreements.js';
import { queryUsage } from './0005-query-usage.js';
import { governanceChecks } from './0006-governance-checks.js';
import { lineage } from './0007-lineage.js';
import { icebergCatalog } from './0008-iceberg-catalog.js';
import { scheduleClaims } from './0009-schedule-claims.js';
import { statusBreaches } from './0010-status-breaches.js';
import type { Migration } from './migration.js';

export const MIGRATIONS: readonly Migration[] = [
  initialSchema,
  runsAndStatus,
  apiTokens,
  agreements,
  queryUsage,
  governanceChecks,
  lineage,
  icebergCatalog,
  scheduleClaims,
  statusBreaches,
];
