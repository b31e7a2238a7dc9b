/**
 * `port.deprecated`: when a contract with `status: deprecated` is published (registered) for the
 * first time, its consumers — approved agreements and recent queriers — are told, with the day
 * it stops being served and the version to move to. Once per port version: the audit log of the
 * port version records the announcement (`port.deprecated`), and a port already announced is
 * not announced again by a later publish, in this process or another.
 */
import { contractRetirement, isDeprecatedContract, type DataProduct, type OutputPort } from '@meshwork/core';
import { portConsumers } from '../governance/port-consumers.js';
import { createOnceAnnouncer } from './audit-marks.js';
import { firstDeprecatedPublication } from './deprecated-since.js';
import type { PortDeprecatedData } from './event-payloads.js';
import { publishLifecycleEvent } from './event-types.js';
import { nowOf, type LifecycleContext } from './lifecycle-context.js';
import { isoDay, portVersionUrn, replacementOf } from './port-deprecation.js';

const DAY_MS = 86_400_000;

export interface DeprecationRequest {
  /** Who published: the audit event's actor. */
  readonly actor: string;
  /** Product ids to look at; every product when absent. */
  readonly only?: readonly string[];
}

/** Announces the deprecated port versions whose deprecation is published and not yet announced; returns them. */
export async function announceDeprecations(
  ctx: LifecycleContext,
  request: DeprecationRequest,
): Promise<readonly PortDeprecatedData[]> {
  const once = createOnceAnnouncer(ctx.store, 'port.deprecated');
  const announced: PortDeprecatedData[] = [];
  const products = request.only
    ? request.only.flatMap((id) => ctx.model.products.get(id) ?? [])
    : [...ctx.model.products.values()];
  for (const product of products) {
    for (const port of product.outputPorts) {
      if (!port.contract || !isDeprecatedContract(port.contract)) continue;
      const since = await firstDeprecatedPublication(ctx.store, product.id, port.contract.id);
      // Not registered yet (a failed or partial registration): announced by the publish that registers it.
      if (!since) continue;
      const resource = portVersionUrn(product.id, port.name, port.major);
      await once(resource, async () => {
        const data = await deprecationData(ctx, product, port, since);
        await ctx.store.appendAudit({ actor: request.actor, action: 'port.deprecated', resource, details: data });
        publishLifecycleEvent(ctx.events, 'port.deprecated', data);
        announced.push(data);
      });
    }
  }
  return announced;
}

async function deprecationData(
  ctx: LifecycleContext,
  product: DataProduct,
  port: OutputPort,
  since: Date,
): Promise<PortDeprecatedData> {
  const endOfLife = contractRetirement(port.contract!);
  const sinceDay = isoDay(since);
  return {
    product: product.id,
    port: port.name,
    major: port.major,
    contractVersion: port.contract!.version,
    deprecatedSince: sinceDay,
    endOfLife: endOfLife ? isoDay(endOfLife) : null,
    noticeDays: endOfLife ? Math.floor((endOfLife.getTime() - Date.parse(`${sinceDay}T00:00:00Z`)) / DAY_MS) : null,
    replacement: replacementOf(product, port) ?? null,
    consumers: await portConsumers(
      ctx.store,
      { productId: product.id, port: port.name, major: port.major },
      nowOf(ctx),
      ctx.model,
    ),
  };
}
