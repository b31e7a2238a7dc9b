/**
 * Parses and type-checks one CEL expression of a policy against its target's environment, so
 * that every mistake — syntax, an unknown field, a type mismatch, the wrong result type — is a
 * diagnostic with the file and line when the policy loads.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { YamlSource } from '../yaml/yaml-source.js';
import { celEnvironment } from './cel-environment.js';
import type { CompiledExpression } from './compiled-policy.js';
import { GOVERNANCE_CODES } from './governance-codes.js';
import type { PolicyTarget } from './policy-targets.js';

export interface ExpressionSite {
  readonly source: YamlSource;
  /** Pointer of the expression's scalar in the file, e.g. /policies/2/check. */
  readonly pointer: string;
  readonly policyId: string;
}

export function compileExpression(
  text: string,
  target: PolicyTarget,
  expected: 'bool' | 'string',
  site: ExpressionSite,
  diagnostics: Diagnostic[],
): CompiledExpression | undefined {
  const env = celEnvironment(target);
  const checked = env.check(text);
  const position = site.source.locate(site.pointer);
  const at = (code: keyof typeof GOVERNANCE_CODES, message: string): undefined => {
    diagnostics.push({
      code,
      severity: 'error',
      file: site.source.file,
      ...position,
      pointer: site.pointer,
      message: `policy ${site.policyId}: ${message}`,
      fix: GOVERNANCE_CODES[code].fix,
    });
    return undefined;
  };
  if (!checked.valid) {
    const error = checked.error as { name?: string; message: string; range?: { start: number } } | undefined;
    const summary = (error?.message ?? 'invalid expression').split('\n')[0]!;
    const where = error?.range ? ` (at character ${error.range.start + 1} of \`${text}\`)` : '';
    const syntax = error?.name === 'ParseError' || /unexpected|expected|token/i.test(summary);
    return at(syntax ? 'MW5601' : 'MW5602', `${summary}${where} for a ${target} policy`);
  }
  const type = String(checked.type);
  if (type !== expected && type !== 'dyn') {
    return at('MW5603', `the expression gives ${type}, a ${expected} is needed`);
  }
  const parsed = env.parse(text) as unknown as CompiledExpression;
  return parsed;
}
