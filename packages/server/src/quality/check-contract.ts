/**
 * The "audit" of write–audit–publish: checks staged data against its ODCS contract.
 *
 * Cost: one `DESCRIBE` (metadata only), one aggregate query computing every library metric,
 * key and option check and the column statistics in a single pass, a narrow second pass only
 * when integer key columns need distinct counts (a bitmap, much cheaper than hashing), then
 * one query per `sql` rule.
 */
import { messageOf } from './aggregate-scan.js';
import { settle, type PlanContext, type PlannedCheck } from './check-plan.js';
import type { CheckContractOptions, CheckReport, CheckResult } from './check-types.js';
import { planColumnStats, readCount } from './column-stats.js';
import { readTableSpec } from './contract-table-spec.js';
import { planKeyChecks } from './key-checks.js';
import { planQualityChecks } from './quality-checks.js';
import { ScanFacts } from './scan-facts.js';
import { planSchemaChecks } from './schema-checks.js';
import type { DeferredCheck } from './sql-rule-checks.js';
import { describeRelation, type StagedColumn } from './staged-columns.js';
import { planTypeOptionChecks } from './type-option-checks.js';

/**
 * Checks the staged data (`relation`) against the contract's schema object. Never throws for
 * bad data or a bad contract: every problem is a check result.
 *
 * @example
 * const report = await checkContract({
 *   connection,
 *   relation: "read_parquet(['/warehouse/.staging/orders/data/part-0.parquet'])",
 *   schemaObject: contract.document.schema[0],
 *   contract: contract.document,
 * });
 * if (!report.passed) for (const c of report.checks) if (c.status !== 'passed') console.log(c.id, c.message);
 */
export async function checkContract(options: CheckContractOptions): Promise<CheckReport> {
  const { connection, relation } = options;
  const spec = readTableSpec(options.schemaObject);
  let staged: StagedColumn[];
  try {
    staged = await describeRelation(connection, relation);
  } catch (error) {
    return unreadable(messageOf(error));
  }
  const facts = new ScanFacts(relation);
  const context: PlanContext = { spec, staged, facts };
  const rows = facts.rowCount();
  const scanned = [...planSchemaChecks(context), ...planKeyChecks(context), ...planTypeOptionChecks(context)];
  const quality = planQualityChecks(context, relation);
  const stats = planColumnStats(facts, staged);

  const scan = await facts.run(connection);
  const checks: CheckResult[] = scanned.map((check) => settle(check, scan));
  for (const check of quality) {
    checks.push(isDeferred(check) ? await check.run(connection) : settle(check, scan));
  }
  return {
    checks,
    passed: !checks.some((check) => check.blocking && (check.status === 'failed' || check.status === 'error')),
    rowCount: readCount(scan, rows) ?? 0,
    columnStats: stats(scan),
  };
}

function isDeferred(check: PlannedCheck | DeferredCheck): check is DeferredCheck {
  return 'run' in check;
}

function unreadable(message: string): CheckReport {
  return {
    checks: [
      {
        id: 'schema:relation',
        kind: 'schema',
        status: 'error',
        blocking: true,
        message: `The staged data could not be read: ${message}`,
      },
    ],
    passed: false,
    rowCount: 0,
    columnStats: [],
  };
}
