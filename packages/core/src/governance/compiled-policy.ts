/** A governance policy ready to run: its expressions parsed and type-checked once, at load. */
import type { PolicyScope } from './policy-file-schema.js';
import type { PolicyTarget } from './policy-targets.js';

/** A parsed CEL expression, callable with the target's variables. */
export type CompiledExpression = (variables: Readonly<Record<string, unknown>>) => unknown;

export type PolicySeverity = 'blocking' | 'warning';

export interface PolicySource {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

export interface CompiledPolicy {
  readonly id: string;
  /** `meshwork/<name>` when the policy uses a built-in. */
  readonly builtin?: string;
  readonly description: string;
  readonly rationale?: string;
  readonly severity: PolicySeverity;
  readonly target: PolicyTarget;
  readonly scope: PolicyScope;
  /** Set for domain policies: they apply to this domain only. */
  readonly domain?: string;
  readonly enabled: boolean;
  /** JSON pointer relative to the target's node in its file. */
  readonly field: string;
  readonly fix: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly usesData: boolean;
  readonly source: PolicySource;
  readonly text: { readonly check: string; readonly where?: string; readonly message?: string };
  readonly check: CompiledExpression;
  readonly where?: CompiledExpression;
  readonly message?: CompiledExpression;
}
