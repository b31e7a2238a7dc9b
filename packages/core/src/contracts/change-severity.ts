/**
 * How much a contract change matters to the consumers of the contract. The scale is ordered:
 * `breaking` outranks `risky`, which outranks `non-breaking`.
 */
export const CHANGE_SEVERITIES = ['non-breaking', 'risky', 'breaking'] as const;

/**
 * - `breaking`: a consumer who changes nothing can get failures or wrong answers.
 * - `risky`: a promise weakened in a way consumers are expected to tolerate, or a change whose
 *   effect cannot be decided from the documents; a person should look.
 * - `non-breaking`: the new contract promises at least as much as the old one.
 */
export type ChangeSeverity = (typeof CHANGE_SEVERITIES)[number];

/** Position on the scale, for comparisons: higher is worse. */
export function severityRank(severity: ChangeSeverity): number {
  return CHANGE_SEVERITIES.indexOf(severity);
}

/**
 * The worst severity among the changes, or `none` when there are none.
 *
 * @example
 * overallSeverity(classifyContractChange(published, edited)) === 'breaking' // needs a new major version
 */
export function overallSeverity(changes: readonly { readonly severity: ChangeSeverity }[]): ChangeSeverity | 'none' {
  let worst: ChangeSeverity | 'none' = 'none';
  for (const { severity } of changes) {
    if (worst === 'none' || severityRank(severity) > severityRank(worst)) worst = severity;
  }
  return worst;
}
