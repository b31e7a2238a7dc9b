/**
 * A policy of Meshwork's built-in library: written in the same language as workspace policies
 * (so `mesh policy show` can print it and anyone can read what it checks), with its parameters'
 * defaults and the tests that prove it.
 */
import type { PolicyScope } from '../policy-file-schema.js';

export interface BuiltinParam {
  readonly description: string;
  readonly default: unknown;
}

export interface BuiltinTest {
  readonly name: string;
  readonly product?: Readonly<Record<string, unknown>>;
  readonly port?: Readonly<Record<string, unknown>>;
  readonly column?: Readonly<Record<string, unknown>>;
  readonly params?: Readonly<Record<string, unknown>>;
  readonly expect: 'pass' | 'fail' | 'skip';
}

export interface BuiltinPolicy {
  /** Referenced as `meshwork/<name>`. */
  readonly name: string;
  readonly description: string;
  readonly rationale: string;
  readonly severity: 'blocking' | 'warning';
  readonly scope: PolicyScope & { readonly target: NonNullable<PolicyScope['target']> };
  readonly where?: string;
  readonly check: string;
  readonly message: string;
  readonly field: string;
  readonly fix: string;
  readonly params: Readonly<Record<string, BuiltinParam>>;
  /** Whether the policy reads the data profile of the latest build. */
  readonly usesData?: boolean;
  readonly tests: readonly BuiltinTest[];
}
