/** Meshwork's built-in governance policies, referenced from workspace policies as `meshwork/<name>`. */
import type { BuiltinPolicy } from './builtin-policy.js';
import { CLASSIFICATION_POLICIES } from './classification-policies.js';
import { INTEROPERABILITY_POLICIES } from './interoperability-policies.js';
import { LIFECYCLE_POLICIES } from './lifecycle-policies.js';
import { METADATA_POLICIES } from './metadata-policies.js';
import { NAMING_POLICIES } from './naming-policies.js';
import { QUALITY_POLICIES } from './quality-policies.js';

export type { BuiltinPolicy, BuiltinParam, BuiltinTest } from './builtin-policy.js';

export const BUILTIN_POLICIES: ReadonlyMap<string, BuiltinPolicy> = new Map(
  [
    ...METADATA_POLICIES,
    ...NAMING_POLICIES,
    ...CLASSIFICATION_POLICIES,
    ...INTEROPERABILITY_POLICIES,
    ...QUALITY_POLICIES,
    ...LIFECYCLE_POLICIES,
  ].map((policy) => [`meshwork/${policy.name}`, policy]),
);
