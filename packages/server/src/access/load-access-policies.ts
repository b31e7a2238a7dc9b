/**
 * Loads the access policies of a workspace — Cedar policies, masking rules and row filters — and
 * builds the Authorizer the gateway and the API enforce.
 *
 * When anything fails to load, the authorizer fails closed: it denies every request, naming the
 * problem. Running with the policies that did load would be worse: a dropped `forbid`, mask or
 * row filter silently widens access.
 *
 * @example
 * const { authorizer, diagnostics } = loadAccessPolicies(root, model);
 * authorizer.planRead(principal, { productId: 'sales.orders', port: 'orders', major: 2 });
 */
import { hasErrors, sortDiagnostics, type Diagnostic, type MeshModel } from '@meshwork/core';
import { ACCESS_CODES } from './access-codes.js';
import { ACCESS_POLICY_DIR } from './access-files.js';
import { createAuthorizer, type AuthorizerOptions, type MeshworkAuthorizer } from './create-authorizer.js';
import { loadCedarPolicies, type LoadedPolicy } from './load-cedar-policies.js';
import { loadMaskingRules, type MaskRule } from './masking-rules.js';
import { loadRowFilters, type RowFilterRule } from './row-filters.js';

export interface AccessPolicies {
  readonly authorizer: MeshworkAuthorizer;
  readonly diagnostics: readonly Diagnostic[];
  readonly policies: readonly LoadedPolicy[];
  readonly masks: readonly MaskRule[];
  readonly rowFilters: readonly RowFilterRule[];
}

export interface LoadAccessOptions {
  /** Entries per authorizer cache; default 50,000. */
  readonly cacheSize?: number;
  /** Told of every access decision (metrics); see AuthorizerOptions.onDecision. */
  readonly onDecision?: AuthorizerOptions['onDecision'];
  /** See AuthorizerOptions.cedarEvaluator. */
  readonly cedarEvaluator?: AuthorizerOptions['cedarEvaluator'];
}

export function loadAccessPolicies(root: string, model: MeshModel, options: LoadAccessOptions = {}): AccessPolicies {
  const cedar = loadCedarPolicies(root, model);
  const masks = loadMaskingRules(root, model);
  const rowFilters = loadRowFilters(root, model);
  const diagnostics = [...cedar.diagnostics, ...masks.diagnostics, ...rowFilters.diagnostics];
  if (cedar.policies.length === 0 && !hasErrors(diagnostics)) {
    diagnostics.push({
      code: 'MW5517',
      severity: 'warning',
      file: ACCESS_POLICY_DIR,
      message: `no access policies in ${ACCESS_POLICY_DIR}/*.cedar or domains/*/policies/*.cedar: every request is denied`,
      fix: ACCESS_CODES.MW5517.fix,
    });
  }
  const failed = hasErrors(diagnostics);
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const authorizer = createAuthorizer({
    model,
    policies: failed ? [] : cedar.policies,
    masks: masks.rules,
    rowFilters: rowFilters.rules,
    ...(failed
      ? {
          failClosed: `access is denied to everyone because the access policies have ${errors} error${errors === 1 ? '' : 's'} (MW5516); run \`mesh policy test\` and fix them`,
        }
      : {}),
    ...(options.cacheSize !== undefined ? { cacheSize: options.cacheSize } : {}),
    ...(options.onDecision ? { onDecision: options.onDecision } : {}),
    ...(options.cedarEvaluator ? { cedarEvaluator: options.cedarEvaluator } : {}),
  });
  return {
    authorizer,
    diagnostics: sortDiagnostics(diagnostics),
    policies: cedar.policies,
    masks: masks.rules,
    rowFilters: rowFilters.rules,
  };
}
