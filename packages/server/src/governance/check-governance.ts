/**
 * One governance check: every enabled policy over the chosen products (all by default), with
 * the facts the platform knows — access policies, data profiles of the latest builds, the
 * published contracts. A check of the whole mesh is recorded as compliance history; every check
 * that decides something (a publish, a refusal) goes to the audit log.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildPolicySubject,
  evaluatePolicies,
  isBlocking,
  type CompiledPolicy,
  type DataProduct,
  type Finding,
  type GovernanceReport,
  type MeshModel,
} from '@meshwork/core';
import type { Authorizer } from '../access/access-types.js';
import type { MaskRule } from '../access/masking-rules.js';
import type { MetadataStore } from '../metadata/metadata-store.js';
import type { GovernanceTrigger } from '../metadata/governance-types.js';
import type { Warehouse } from '../warehouse/warehouse.js';
import type { Governance } from './load-governance.js';
import { locateFindings } from './locate-findings.js';
import { prepareSubjectSources } from './subject-sources.js';

export interface CheckRequest {
  readonly root: string;
  readonly model: MeshModel;
  readonly governance: Governance;
  /** Product ids to check; every product when absent. */
  readonly only?: readonly string[];
  /** Policies to run instead of the workspace's (simulation). */
  readonly policies?: readonly CompiledPolicy[];
  readonly authorizer?: Authorizer;
  readonly masks?: readonly MaskRule[];
  readonly warehouse?: Warehouse;
  readonly store?: MetadataStore;
  /** Recorded in compliance history and audit when a store is given and the whole mesh was checked. */
  readonly trigger?: GovernanceTrigger;
  readonly actor?: string;
  readonly now?: Date;
}

export interface GovernanceCheck {
  readonly report: GovernanceReport;
  /** Findings that stop publishing. */
  readonly blocking: readonly Finding[];
  readonly checkId?: string;
}

export async function checkGovernance(request: CheckRequest): Promise<GovernanceCheck> {
  const { model, governance } = request;
  const products: DataProduct[] = request.only
    ? request.only.flatMap((id) => {
        const product = model.products.get(id);
        return product ? [product] : [];
      })
    : [...model.products.values()];
  const sources = await prepareSubjectSources(
    { model, authorizer: request.authorizer, masks: request.masks, warehouse: request.warehouse, store: request.store },
    products,
  );
  const subjects = products.map((product) => buildPolicySubject(model, product, sources));
  const evaluated = evaluatePolicies(request.policies ?? governance.policies, subjects, {
    waivers: request.policies ? undefined : governance.waiversAt(request.now ?? new Date()).lookup,
  });
  const findings = locateFindings(evaluated.findings, (file) => readWorkspaceText(request.root, file));
  const report = { ...evaluated, findings };
  const blocking = findings.filter(isBlocking);
  const checkId = await record(request, report, blocking);
  return { report, blocking, ...(checkId ? { checkId } : {}) };
}

async function record(
  request: CheckRequest,
  report: GovernanceReport,
  blocking: readonly Finding[],
): Promise<string | undefined> {
  const { store, trigger } = request;
  if (!store || !trigger || request.policies) return undefined;
  const actor = request.actor ?? 'system';
  const whole = request.only === undefined;
  let checkId: string | undefined;
  if (whole) {
    checkId = `gck_${randomBytes(12).toString('hex')}`;
    await store.recordGovernanceCheck({
      id: checkId,
      checkedAt: request.now ?? new Date(),
      actor,
      trigger,
      policySetHash: policySetHash(request.governance.policies),
      productCount: report.productCount,
      counts: report.counts,
    });
  }
  await store.appendAudit({
    actor,
    action: 'governance.checked',
    resource: whole
      ? 'urn:meshwork:mesh'
      : request.only!.length === 1
        ? `urn:meshwork:product:${request.only![0]}`
        : 'urn:meshwork:products',
    details: {
      trigger,
      ...(checkId ? { checkId } : {}),
      ...(whole ? {} : { checked: request.only!.slice(0, 50) }),
      products: report.productCount,
      policies: report.policyCount,
      failed: report.findings.filter((f) => f.outcome === 'fail').length,
      waived: report.findings.filter((f) => f.outcome === 'waived').length,
      errors: report.findings.filter((f) => f.outcome === 'error').length,
      blocking: blocking
        .slice(0, 50)
        .map((f) => ({ policy: f.policyId, product: f.productId, port: f.port ?? null, column: f.column ?? null })),
      waivers: report.findings
        .filter((f) => f.outcome === 'waived')
        .slice(0, 50)
        .map((f) => ({ policy: f.policyId, product: f.productId, owner: f.waiver!.owner, expires: f.waiver!.expires })),
    },
  });
  return checkId;
}

/** Which policy set a check ran, so history can tell a policy change from a product change. */
function policySetHash(policies: readonly CompiledPolicy[]): string {
  const text = policies.map((p) => JSON.stringify([p.id, p.severity, p.text, p.scope, p.params])).join('\n');
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

function readWorkspaceText(root: string, file: string): string | undefined {
  try {
    return readFileSync(join(root, file), 'utf8');
  } catch {
    return undefined;
  }
}
