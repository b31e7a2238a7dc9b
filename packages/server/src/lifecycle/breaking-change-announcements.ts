/**
 * `contract.breaking-change`: a publish refused by the publish gate (MW5704) because a contract
 * breaks its published major version (policy `meshwork/breaking-change-needs-major`) is told to
 * subscribers with the breaking changes and the consumers they would have broken. Once per
 * refused publish and port: `mesh check` only reports, and publishes nothing.
 */
import type { CompiledPolicy, DataProduct, Finding, OutputPort } from '@meshwork/core';
import { portConsumers } from '../governance/port-consumers.js';
import { lastPublishedContract } from '../governance/subject-sources.js';
import type { ContractBreakingChangeData } from './event-payloads.js';
import { publishLifecycleEvent } from './event-types.js';
import { nowOf, type LifecycleContext } from './lifecycle-context.js';

export const BREAKING_CHANGE_POLICY = 'meshwork/breaking-change-needs-major';

/** Announces each port whose breaking changes blocked the publish; returns what was announced. */
export async function announceRefusedBreakingChanges(
  ctx: LifecycleContext,
  blocking: readonly Finding[],
  policies: readonly Pick<CompiledPolicy, 'id' | 'builtin'>[],
): Promise<readonly ContractBreakingChangeData[]> {
  const versioning = new Set(policies.filter((p) => p.builtin === BREAKING_CHANGE_POLICY).map((p) => p.id));
  const announced: ContractBreakingChangeData[] = [];
  const seen = new Set<string>();
  for (const finding of blocking) {
    if (finding.outcome !== 'fail' || !versioning.has(finding.policyId)) continue;
    const product = ctx.model.products.get(finding.productId);
    const port = product && portOf(product, finding);
    if (!product || !port?.contract) continue;
    const key = `${product.id}/${port.name}/${port.major}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const published = await lastPublishedContract(ctx.store, product, port);
    if (!published) continue;
    const data: ContractBreakingChangeData = {
      product: product.id,
      port: port.name,
      major: port.major,
      publishedVersion: published.version,
      contractVersion: port.contract.version,
      changes: published.changes
        .filter((c) => c.severity === 'breaking')
        .map((c) => ({ kind: c.kind, column: c.column, explanation: c.explanation })),
      consumers: await portConsumers(
        ctx.store,
        { productId: product.id, port: port.name, major: port.major },
        nowOf(ctx),
        ctx.model,
      ),
      refused: true,
    };
    publishLifecycleEvent(ctx.events, 'contract.breaking-change', data);
    announced.push(data);
  }
  return announced;
}

/** The port version a port finding is about: the one whose contract file it names. */
function portOf(product: DataProduct, finding: Finding): OutputPort | undefined {
  return (
    product.outputPorts.find((p) => p.contract?.file === finding.file) ??
    product.outputPorts.find((p) => p.name === finding.port)
  );
}
