/**
 * The versions tab's outline: per port, its major versions newest first, each with its
 * contract's changelog (newest first) and the major before it to compare with; and changes
 * grouped by severity, the ones that break consumers first.
 */
import type { ChangeSeverity, ChangelogEntry, ContractChange, ContractWithId } from './product-api-types.js';

export interface MajorVersionView {
  readonly port: string;
  readonly major: number;
  readonly workspaceVersion: string | null;
  /** Newest first. */
  readonly entries: readonly ChangelogEntry[];
  /** The next lower major of the same port, to compare this one with. */
  readonly previousMajor: number | null;
}

export function majorVersions(contracts: readonly ContractWithId[], changelog: readonly ChangelogEntry[]) {
  const sorted = [...contracts].sort((a, b) => a.port.localeCompare(b.port) || b.major - a.major);
  return sorted.map((c): MajorVersionView => {
    const lower = sorted.filter((o) => o.port === c.port && o.major < c.major).map((o) => o.major);
    const entries = changelog.filter((e) => e.port === c.port && e.major === c.major);
    return {
      port: c.port,
      major: c.major,
      workspaceVersion: c.workspaceVersion,
      // The server lists them oldest first, the unpublished workspace document last.
      entries: [...entries].reverse(),
      previousMajor: lower.length === 0 ? null : Math.max(...lower),
    };
  });
}

export const SEVERITIES: readonly ChangeSeverity[] = ['breaking', 'risky', 'non-breaking'];

export function bySeverity<T extends ContractChange>(changes: readonly T[]) {
  return SEVERITIES.map((severity) => ({ severity, changes: changes.filter((c) => c.severity === severity) })).filter(
    (group) => group.changes.length > 0,
  );
}
