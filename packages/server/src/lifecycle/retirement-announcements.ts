/**
 * `port.retired`: a port version past its contract's `endOfLife` is neither built nor served.
 * Subscribers are told once per port version — by the first run that skips it, the first query
 * refused for it, or the server's periodic sweep, whichever comes first — and the audit log of
 * the port version remembers it was told (`port.retired`), so no later run or process repeats it.
 */
import { contractRetirement, type DataProduct, type OutputPort } from '@meshwork/core';
import type { PortRetiredData } from './event-payloads.js';
import { createOnceAnnouncer } from './audit-marks.js';
import { publishLifecycleEvent } from './event-types.js';
import { errorText, nowOf, type LifecycleContext } from './lifecycle-context.js';
import { isoDay, portVersionUrn, replacementOf } from './port-deprecation.js';

export interface RetirementAnnouncer {
  /** Announces the port version if it is past its endOfLife and was not announced yet; true when it was now. */
  announce(productId: string, port: string, major: number): Promise<boolean>;
  /** Announces every retired port version of the products (all by default); how many were announced now. */
  sweep(productIds?: readonly string[]): Promise<number>;
}

export function createRetirementAnnouncer(ctx: LifecycleContext): RetirementAnnouncer {
  const once = createOnceAnnouncer(ctx.store, 'port.retired');

  const announcePort = async (product: DataProduct, port: OutputPort): Promise<boolean> => {
    const endOfLife = port.contract ? contractRetirement(port.contract) : undefined;
    if (!endOfLife || endOfLife > nowOf(ctx)) return false;
    const resource = portVersionUrn(product.id, port.name, port.major);
    return once(resource, async () => {
      const data: PortRetiredData = {
        product: product.id,
        port: port.name,
        major: port.major,
        endOfLife: isoDay(endOfLife),
        replacement: replacementOf(product, port) ?? null,
      };
      await ctx.store.appendAudit({ actor: 'system', action: 'port.retired', resource, details: data });
      publishLifecycleEvent(ctx.events, 'port.retired', data);
    });
  };

  return {
    announce: async (productId, portName, major) => {
      const product = ctx.model.products.get(productId);
      const port = product?.outputPorts.find((p) => p.name === portName && p.major === major);
      return product && port ? announcePort(product, port) : false;
    },
    sweep: async (productIds) => {
      let announced = 0;
      const products = productIds
        ? productIds.flatMap((id) => ctx.model.products.get(id) ?? [])
        : [...ctx.model.products.values()];
      for (const product of products) {
        for (const port of product.outputPorts) {
          try {
            if (await announcePort(product, port)) announced++;
          } catch (error) {
            ctx.log?.('port retirement not announced', {
              product: product.id,
              port: port.name,
              major: port.major,
              error: errorText(error),
            });
          }
        }
      }
      return announced;
    },
  };
}
