/** Access policies: Cedar decisions, column masks and row filters, and their tests. */
export * from './access-types.js';
export { ACCESS_CODES, type AccessCode } from './access-codes.js';
export { CEDAR_SCHEMA, sensitivityOf } from './cedar-schema.js';
export { SCOPE_OF_ACTION } from './token-scopes.js';
export {
  createAuthorizer,
  type AuthorizerOptions,
  type CacheStats,
  type MeshworkAuthorizer,
} from './create-authorizer.js';
export { loadAccessPolicies, type AccessPolicies, type LoadAccessOptions } from './load-access-policies.js';
export type { LoadedPolicy } from './load-cedar-policies.js';
export type { MaskRule } from './masking-rules.js';
export type { RowFilterRule } from './row-filters.js';
export { runAccessPolicyTests, type PolicyTestReport, type PolicyTestResult } from './policy-tests.js';
export { parseResourceRef } from './resource-ref.js';
export { parseFilter } from './filter/filter-parser.js';
export { compileFilterSql } from './filter/filter-sql.js';
export { FilterSyntaxError } from './filter/filter-tokenizer.js';
