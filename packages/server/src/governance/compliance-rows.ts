/**
 * Compliance counts grouped for display: per policy or per domain, with the share of products
 * that comply (passed or waived) among those the policy applies to.
 */
export type ComplianceGrouping = 'policy' | 'domain';

interface Counts {
  readonly policyId: string;
  readonly domain: string;
  readonly passed: number;
  readonly failed: number;
  readonly waived: number;
  readonly errors: number;
}

export interface ComplianceRow {
  readonly key: string;
  readonly passed: number;
  readonly failed: number;
  readonly waived: number;
  readonly errors: number;
  /** (passed + waived) / all, in whole percent; 100 when nothing applies. */
  readonly compliantPct: number;
}

export function complianceRows(
  counts: readonly Counts[],
  grouping: ComplianceGrouping,
  filter: { readonly policyId?: string; readonly domain?: string } = {},
): ComplianceRow[] {
  const rows = new Map<string, { passed: number; failed: number; waived: number; errors: number }>();
  for (const c of counts) {
    if (filter.policyId && c.policyId !== filter.policyId) continue;
    if (filter.domain && c.domain !== filter.domain) continue;
    const key = grouping === 'policy' ? c.policyId : c.domain;
    const row = rows.get(key) ?? { passed: 0, failed: 0, waived: 0, errors: 0 };
    row.passed += c.passed;
    row.failed += c.failed;
    row.waived += c.waived;
    row.errors += c.errors;
    rows.set(key, row);
  }
  return [...rows]
    .map(([key, r]) => {
      const total = r.passed + r.failed + r.waived + r.errors;
      return { key, ...r, compliantPct: total === 0 ? 100 : Math.floor(((r.passed + r.waived) * 100) / total) };
    })
    .sort((a, b) => a.compliantPct - b.compliantPct || a.key.localeCompare(b.key));
}
