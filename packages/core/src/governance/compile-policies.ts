/**
 * The governance compiler: reads every policy file, resolves built-ins, confines domain policies
 * to their domain, type-checks every expression, and returns the policies ready to run with
 * every problem as a positioned diagnostic. Nothing from the workspace is executed but CEL.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { createDocumentValidator } from '../standards/schema-validator.js';
import { parseWorkspaceDocument } from '../workspace/parse-document.js';
import type { YamlSource } from '../yaml/yaml-source.js';
import { BUILTIN_POLICIES, type BuiltinPolicy } from './builtins/index.js';
import { compileExpression } from './compile-expression.js';
import type { CompiledPolicy } from './compiled-policy.js';
import { GOVERNANCE_CODES } from './governance-codes.js';
import { PolicyFileSchema, type PolicyEntry, type PolicyFile } from './policy-file-schema.js';

export interface PolicySourceFile {
  /** Workspace-relative path, forward slashes. */
  readonly path: string;
  readonly text: string;
  /** Set for files in domains/<domain>/policies/governance/. */
  readonly domain?: string;
}

export interface CompiledPolicies {
  readonly policies: readonly CompiledPolicy[];
  readonly diagnostics: readonly Diagnostic[];
}

const validatePolicyFile = createDocumentValidator(PolicyFileSchema);

export function compilePolicies(files: readonly PolicySourceFile[]): CompiledPolicies {
  const diagnostics: Diagnostic[] = [];
  const policies: CompiledPolicy[] = [];
  const seen = new Map<string, string>();
  for (const file of files) {
    const parsed = parseWorkspaceDocument<PolicyFile>(file.path, file.text, 'governance policies', validatePolicyFile);
    diagnostics.push(...parsed.diagnostics);
    if (!parsed.valid || !parsed.value) continue;
    parsed.value.policies.forEach((entry, index) => {
      const pointer = `/policies/${index}`;
      const previous = seen.get(entry.id);
      if (previous !== undefined) {
        diagnostics.push(
          problem('MW5604', parsed.source, `${pointer}/id`, `policy id ${entry.id} is already used in ${previous}`),
        );
        return;
      }
      seen.set(entry.id, file.path);
      const policy = compileEntry(entry, pointer, parsed.source, file.domain, diagnostics);
      if (policy) policies.push(policy);
    });
  }
  return { policies, diagnostics };
}

function compileEntry(
  entry: PolicyEntry,
  pointer: string,
  source: YamlSource,
  domain: string | undefined,
  diagnostics: Diagnostic[],
): CompiledPolicy | undefined {
  const count = diagnostics.length;
  const builtin = entry.use ? BUILTIN_POLICIES.get(entry.use) : undefined;
  if (entry.use && !builtin) {
    diagnostics.push(problem('MW5605', source, `${pointer}/use`, `${entry.use} is not a built-in policy`));
    return undefined;
  }
  const checkText = entry.check ?? builtin?.check;
  if (!checkText) {
    diagnostics.push(problem('MW5606', source, pointer, `policy ${entry.id} has neither check nor use`));
    return undefined;
  }
  const scope = { ...builtin?.scope, ...entry.scope };
  const target = scope.target ?? 'product';
  if (domain !== undefined) {
    const outside = (scope.domains ?? []).filter((d) => d !== domain);
    if (outside.length > 0) {
      diagnostics.push(
        problem(
          'MW5607',
          source,
          `${pointer}/scope/domains`,
          `policy ${entry.id} of domain ${domain} names ${outside.join(', ')}`,
        ),
      );
    }
    scope.domains = [domain];
  }
  const params = resolveParams(entry, builtin, pointer, source, diagnostics);
  const field = entry.field ?? builtin?.field ?? '';
  if (field !== '' && !field.startsWith('/')) {
    diagnostics.push(problem('MW5609', source, `${pointer}/field`, `field "${field}" is not a JSON pointer`));
  }
  // Expressions written in the entry are located in the entry; a built-in's are located at `use`.
  const site = (key: 'check' | 'where' | 'message') => ({
    source,
    pointer: entry[key] !== undefined ? `${pointer}/${key}` : `${pointer}/use`,
    policyId: entry.id,
  });
  const check = compileExpression(checkText, target, 'bool', site('check'), diagnostics);
  const whereText = entry.where ?? builtin?.where;
  const where = whereText ? compileExpression(whereText, target, 'bool', site('where'), diagnostics) : undefined;
  const messageText = entry.message ?? builtin?.message;
  const message = messageText
    ? compileExpression(messageText, target, 'string', site('message'), diagnostics)
    : undefined;
  if (diagnostics.length > count || !check) return undefined;
  const description = entry.description ?? builtin?.description ?? entry.id;
  const position = source.locate(pointer);
  return {
    id: entry.id,
    ...(entry.use ? { builtin: entry.use } : {}),
    description,
    ...((entry.rationale ?? builtin?.rationale) ? { rationale: entry.rationale ?? builtin?.rationale } : {}),
    severity: entry.severity ?? builtin?.severity ?? 'blocking',
    target,
    scope,
    ...(domain !== undefined ? { domain } : {}),
    enabled: entry.enabled ?? true,
    field,
    fix: entry.fix ?? builtin?.fix ?? description,
    params,
    usesData: builtin?.usesData ?? /\bprofile\b/.test(`${checkText} ${whereText ?? ''}`),
    source: { file: source.file, line: position.line, column: position.column },
    text: {
      check: checkText,
      ...(whereText ? { where: whereText } : {}),
      ...(messageText ? { message: messageText } : {}),
    },
    check,
    ...(where ? { where } : {}),
    ...(message ? { message } : {}),
  };
}

/** A built-in's defaults overridden by the entry; a built-in refuses parameters it does not declare. */
function resolveParams(
  entry: PolicyEntry,
  builtin: BuiltinPolicy | undefined,
  pointer: string,
  source: YamlSource,
  diagnostics: Diagnostic[],
): Record<string, unknown> {
  const given = entry.params ?? {};
  if (!builtin) return { ...given };
  const params: Record<string, unknown> = {};
  for (const [name, param] of Object.entries(builtin.params)) params[name] = param.default;
  for (const [name, value] of Object.entries(given)) {
    const declared = builtin.params[name];
    if (!declared) {
      diagnostics.push(
        problem('MW5608', source, `${pointer}/params/${name}`, `${entry.use} has no parameter "${name}"`),
      );
    } else if (!sameKind(declared.default, value)) {
      diagnostics.push(
        problem(
          'MW5608',
          source,
          `${pointer}/params/${name}`,
          `parameter "${name}" of ${entry.use} takes ${kindOf(declared.default)}`,
        ),
      );
    } else params[name] = value;
  }
  return params;
}

function kindOf(value: unknown): string {
  if (Array.isArray(value)) return typeof value[0] === 'string' || value.length === 0 ? 'a list of strings' : 'a list';
  return `a ${typeof value}`;
}

function sameKind(expected: unknown, value: unknown): boolean {
  if (Array.isArray(expected)) return Array.isArray(value) && value.every((v) => typeof v === 'string');
  return typeof expected === typeof value;
}

function problem(
  code: keyof typeof GOVERNANCE_CODES,
  source: YamlSource,
  pointer: string,
  message: string,
): Diagnostic {
  return {
    code,
    severity: 'error',
    file: source.file,
    ...source.locate(pointer),
    pointer,
    message,
    fix: GOVERNANCE_CODES[code].fix,
  };
}
