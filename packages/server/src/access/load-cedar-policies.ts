/**
 * Loads every Cedar policy of the workspace: each file split into policies (to keep file
 * positions), each policy parsed, its annotations checked (`@id` required and unique,
 * `@description` expected), domain policies confined to their domain, and the whole set
 * validated against the Meshwork schema in strict mode. Every problem is a positioned
 * diagnostic; nothing here decides anything.
 */
import { policyToJson, validate, type DetailedError } from '@cedar-policy/cedar-wasm/nodejs';
import type { Diagnostic, MeshModel, Severity } from '@meshwork/core';
import { ACCESS_CODES, type AccessCode } from './access-codes.js';
import { listPolicyFiles, readAccessFile } from './access-files.js';
import { CEDAR_SCHEMA } from './cedar-schema.js';
import { byteToCharOffset, positionAt, splitPolicyStatements, statementStart } from './cedar-text.js';
import { domainScopeProblem } from './domain-confinement.js';

export interface LoadedPolicy {
  /** The `@id` annotation: the policy's id in Cedar, in decisions and in the audit log. */
  readonly id: string;
  readonly effect: 'permit' | 'forbid';
  readonly description?: string;
  readonly rationale?: string;
  /** Set for the policies of `domains/<domain>/policies/`. */
  readonly domain?: string;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** The policy's Cedar text (with the comments above it). */
  readonly text: string;
}

export interface LoadedPolicies {
  readonly policies: readonly LoadedPolicy[];
  readonly diagnostics: readonly Diagnostic[];
}

interface Located {
  readonly file: string;
  readonly fileText: string;
  readonly offset: number;
  readonly text: string;
}

export function loadCedarPolicies(root: string, model: MeshModel): LoadedPolicies {
  const diagnostics: Diagnostic[] = [];
  const policies: LoadedPolicy[] = [];
  const located = new Map<string, Located>();
  const report = (code: AccessCode, where: Located, offset: number, message: string, severity: Severity = 'error') => {
    const position = positionAt(where.fileText, where.offset + byteToCharOffset(where.text, offset));
    diagnostics.push({ code, severity, file: where.file, ...position, message, fix: ACCESS_CODES[code].fix });
  };

  const reportedDomains = new Set<string>();
  for (const { path, domain } of listPolicyFiles(root)) {
    const read = readAccessFile(root, path);
    if ('diagnostic' in read) {
      diagnostics.push(read.diagnostic);
      continue;
    }
    if (domain !== undefined && !model.domains.has(domain) && !reportedDomains.has(domain)) {
      reportedDomains.add(domain);
      diagnostics.push({
        code: 'MW5518',
        severity: 'warning',
        file: path,
        line: 1,
        column: 1,
        message: `domains/${domain}/policies/ holds policies, but the mesh has no domain "${domain}"`,
        fix: ACCESS_CODES.MW5518.fix,
      });
    }
    for (const statement of splitPolicyStatements(read.text)) {
      const where: Located = { file: path, fileText: read.text, ...statement };
      const parsed = policyToJson(statement.text);
      if (parsed.type === 'failure') {
        // Cedar stops at the first syntax error of a policy; the next policy is parsed on its own.
        const error = parsed.errors[0];
        if (error) report('MW5501', where, error.sourceLocations?.[0]?.start ?? 0, cedarMessage(error));
        continue;
      }
      const start = statementStart(statement);
      const position = positionAt(read.text, start);
      const at = (code: AccessCode, message: string, severity: Severity = 'error') =>
        diagnostics.push({ code, severity, file: path, ...position, message, fix: ACCESS_CODES[code].fix });
      const annotations = parsed.json.annotations ?? {};
      const id = annotations.id?.trim();
      if (!id) {
        at('MW5502', `a ${parsed.json.effect} policy has no @id annotation`);
        continue;
      }
      const first = located.get(id);
      if (first) {
        const line = positionAt(first.fileText, statementStart(first)).line;
        at('MW5503', `policy id "${id}" is already used at ${first.file}:${line}`);
        continue;
      }
      if (!annotations.description?.trim()) at('MW5506', `policy "${id}" has no @description`, 'warning');
      if (domain !== undefined) {
        const problem = domainScopeProblem(parsed.json, domain, model);
        if (problem !== undefined) {
          at('MW5505', `policy "${id}" of domain ${domain} is not confined to the domain: ${problem}`);
          continue;
        }
      }
      located.set(id, where);
      policies.push({
        id,
        effect: parsed.json.effect,
        ...(annotations.description ? { description: annotations.description } : {}),
        ...(annotations.rationale ? { rationale: annotations.rationale } : {}),
        ...(domain !== undefined ? { domain } : {}),
        file: path,
        ...position,
        text: statement.text,
      });
    }
  }

  validateAgainstSchema(policies, located, report);
  return { policies, diagnostics };
}

function validateAgainstSchema(
  policies: readonly LoadedPolicy[],
  located: ReadonlyMap<string, Located>,
  report: (code: AccessCode, where: Located, offset: number, message: string, severity?: Severity) => void,
): void {
  if (policies.length === 0) return;
  const answer = validate({
    schema: CEDAR_SCHEMA,
    policies: { staticPolicies: Object.fromEntries(policies.map((p) => [p.id, p.text])) },
    validationSettings: { mode: 'strict' },
  });
  if (answer.type === 'failure') {
    // The schema is ours and the policies parsed one by one: this is a Meshwork bug.
    throw new Error(`Cedar validation failed: ${answer.errors.map(cedarMessage).join('; ')}`);
  }
  const seen = new Set<string>();
  const failed = new Set(answer.validationErrors.map((e) => e.policyId));
  const each = (list: readonly { policyId: string; error: DetailedError }[], severity: Severity) => {
    for (const { policyId, error } of list) {
      // A policy with an error gets no warnings on top (an unknown action also makes it "impossible").
      if (severity === 'warning' && failed.has(policyId)) continue;
      const where = located.get(policyId);
      // Cedar repeats an error once per resource type the policy may apply to; keep the first.
      const start = error.sourceLocations?.[0]?.start ?? 0;
      const key = `${policyId}|${start}|${error.message.replace(/entity type `[^`]+`/, '')}`;
      if (!where || seen.has(key)) continue;
      seen.add(key);
      report('MW5504', where, start, cedarMessage(error), severity);
    }
  };
  each(answer.validationErrors, 'error');
  each(answer.validationWarnings, 'warning');
}

/** Cedar's message without its `for policy …,` prefix, with its help when it has one. */
function cedarMessage(error: DetailedError): string {
  const message = error.message
    .replace(/^for policy `[^`]*`, /, '')
    .replace(/^failed to parse policy from string: /, '');
  return error.help ? `${message} (${error.help})` : message;
}
