/**
 * Whether a quality rule's failure stops the publish. ODCS leaves `severity` free text (its
 * examples: info, warning, error). A rule blocks unless it says it is advisory: an absent or
 * unknown severity blocks, because a contract that promises something without saying it is
 * optional should be kept — and a typo must not silently turn a promise into a hint.
 */

const ADVISORY_SEVERITIES = new Set(['info', 'information', 'warning', 'warn', 'low', 'minor', 'trivial']);

export function isBlockingSeverity(severity: string | undefined): boolean {
  return severity === undefined || !ADVISORY_SEVERITIES.has(severity.trim().toLowerCase());
}
