/**
 * Runs compiled policies over products. Each policy is evaluated on every target in its scope;
 * a policy that throws or gives a non-boolean on one target is a "policy error" finding for that
 * target (it blocks publishing) and every other policy and target is still evaluated.
 */
import type { CompiledExpression, CompiledPolicy } from './compiled-policy.js';
import {
  type ComplianceCounts,
  type Finding,
  type FindingOutcome,
  type GovernanceReport,
  type PolicyOutcome,
  type ProductOutcome,
} from './governance-report.js';
import type { ColumnFacts, PortFacts } from './policy-facts.js';
import { scopeCoversClassification, scopeCoversProduct } from './policy-scope.js';
import type { PolicySubject } from './policy-subject.js';
import type { WaiverLookup } from './waivers.js';

export interface EvaluateOptions {
  readonly waivers?: WaiverLookup;
}

interface Target {
  readonly variables: Record<string, unknown>;
  readonly port?: PortFacts;
  readonly column?: ColumnFacts;
  readonly file: string;
  /** Where the target's node is; the policy's field is appended only for findings (most targets pass). */
  readonly node: string;
}

export function evaluatePolicies(
  policies: readonly CompiledPolicy[],
  subjects: Iterable<PolicySubject>,
  options: EvaluateOptions = {},
): GovernanceReport {
  const findings: Finding[] = [];
  const outcomes: PolicyOutcome[] = [];
  let productCount = 0;
  for (const subject of subjects) {
    productCount++;
    for (const policy of policies) {
      if (!scopeCoversProduct(policy, subject.facts)) continue;
      const outcome = evaluateOnProduct(policy, subject, options, findings);
      if (outcome)
        outcomes.push({ policyId: policy.id, productId: subject.facts.id, domain: subject.facts.domain, outcome });
    }
  }
  return { findings, outcomes, counts: countOutcomes(policies, outcomes), productCount, policyCount: policies.length };
}

/** The product's verdict for one policy, or undefined when no target of the product is in scope. */
function evaluateOnProduct(
  policy: CompiledPolicy,
  subject: PolicySubject,
  options: EvaluateOptions,
  findings: Finding[],
): ProductOutcome | undefined {
  let worst: ProductOutcome | undefined;
  for (const target of targetsOf(policy, subject)) {
    const verdict = judge(policy, target.variables);
    if (verdict === 'skip') continue;
    if (verdict === 'pass') {
      worst ??= 'pass';
      continue;
    }
    const finding = toFinding(policy, subject, target, verdict, options);
    findings.push(finding);
    worst = worse(worst, finding.outcome);
  }
  return worst;
}

type Verdict = 'pass' | 'skip' | { readonly outcome: 'fail' | 'error'; readonly message: string };

/** Evaluates `where`, then `check`, then — on failure — `message`. */
export function judge(policy: CompiledPolicy, variables: Readonly<Record<string, unknown>>): Verdict {
  try {
    if (policy.where) {
      const applies = policy.where(variables);
      if (typeof applies !== 'boolean') return policyError(`where gave ${typeof applies}, not a boolean`);
      if (!applies) return 'skip';
    }
    const passed = policy.check(variables);
    if (typeof passed !== 'boolean') return policyError(`check gave ${typeof passed}, not a boolean`);
    if (passed) return 'pass';
  } catch (error) {
    return policyError(firstLine(error));
  }
  return { outcome: 'fail', message: explain(policy, policy.message, variables) };
}

function policyError(reason: string): Verdict {
  return { outcome: 'error', message: `policy error: ${reason}` };
}

function explain(
  policy: CompiledPolicy,
  message: CompiledExpression | undefined,
  variables: Readonly<Record<string, unknown>>,
): string {
  if (!message) return policy.description;
  try {
    const text = message(variables);
    return typeof text === 'string' && text !== '' ? text : policy.description;
  } catch {
    return policy.description;
  }
}

function* targetsOf(policy: CompiledPolicy, subject: PolicySubject): Generator<Target> {
  const product = subject.facts;
  const params = policy.params;
  if (policy.target === 'product') {
    yield { variables: { product, params }, file: subject.descriptorFile, node: '' };
    return;
  }
  for (const [p, port] of product.ports.entries()) {
    const where = subject.ports[p]!;
    if (policy.target === 'port') {
      yield { variables: { product, port, params }, port, file: where.file, node: where.pointer };
      continue;
    }
    for (const [c, column] of port.columns.entries()) {
      if (!scopeCoversClassification(policy, column.classification)) continue;
      const node = where.columns[c]?.pointer ?? where.pointer;
      yield { variables: { product, port, column, params }, port, column, file: where.file, node };
    }
  }
}

function toFinding(
  policy: CompiledPolicy,
  subject: PolicySubject,
  target: Target,
  verdict: { readonly outcome: 'fail' | 'error'; readonly message: string },
  options: EvaluateOptions,
): Finding {
  const column = target.column ? `${target.column.table}.${target.column.name}` : undefined;
  const waiver =
    verdict.outcome === 'fail' ? options.waivers?.(policy.id, subject.facts.id, target.port?.name, column) : undefined;
  return {
    policyId: policy.id,
    severity: policy.severity,
    outcome: waiver ? 'waived' : verdict.outcome,
    code: verdict.outcome === 'error' ? 'MW5703' : policy.severity === 'blocking' ? 'MW5701' : 'MW5702',
    productId: subject.facts.id,
    domain: subject.facts.domain,
    ...(target.port ? { port: target.port.name } : {}),
    ...(column ? { column } : {}),
    message: verdict.message,
    fix: policy.fix,
    file: target.file,
    pointer: target.node + policy.field,
    ...(waiver ? { waiver } : {}),
  };
}

const RANK: Record<ProductOutcome, number> = { pass: 0, waived: 1, fail: 2, error: 3 };

function worse(a: ProductOutcome | undefined, b: FindingOutcome): ProductOutcome {
  return a === undefined || RANK[b] > RANK[a] ? b : a;
}

function countOutcomes(policies: readonly CompiledPolicy[], outcomes: readonly PolicyOutcome[]): ComplianceCounts[] {
  const severity = new Map(policies.map((p) => [p.id, p.severity]));
  const counts = new Map<string, { -readonly [K in keyof ComplianceCounts]: ComplianceCounts[K] }>();
  for (const { policyId, domain, outcome } of outcomes) {
    const key = `${policyId}\u0000${domain}`;
    let row = counts.get(key);
    if (!row) {
      row = {
        policyId,
        domain,
        severity: severity.get(policyId) ?? 'blocking',
        passed: 0,
        failed: 0,
        waived: 0,
        errors: 0,
      };
      counts.set(key, row);
    }
    if (outcome === 'pass') row.passed++;
    else if (outcome === 'fail') row.failed++;
    else if (outcome === 'waived') row.waived++;
    else row.errors++;
  }
  return [...counts.values()].sort((a, b) => a.policyId.localeCompare(b.policyId) || a.domain.localeCompare(b.domain));
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}
