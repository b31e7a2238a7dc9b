/**
 * What the workspace says about the end of a port version: deprecated (its contract's
 * `status: deprecated`), the day it stops being served (its `endOfLife` SLA property) and the
 * version to move to. Read from the model alone, so the gateway can tell readers on every query.
 */
import { contractRetirement, isDeprecatedContract, type DataProduct, type OutputPort } from '@meshwork/core';
import type { PortVersionRef } from './event-payloads.js';

export interface PortDeprecation {
  readonly productId: string;
  readonly port: string;
  readonly major: number;
  readonly contractVersion: string;
  /** When it stops being built and served; undefined when the contract does not say. */
  readonly endOfLife?: Date;
  readonly replacement?: PortVersionRef;
}

/** The deprecation of a port version, or undefined when its contract is not deprecated. */
export function portDeprecation(product: DataProduct, port: OutputPort): PortDeprecation | undefined {
  if (!isDeprecatedContract(port.contract)) return undefined;
  const endOfLife = contractRetirement(port.contract!);
  const replacement = replacementOf(product, port);
  return {
    productId: product.id,
    port: port.name,
    major: port.major,
    contractVersion: port.contract!.version,
    ...(endOfLife ? { endOfLife } : {}),
    ...(replacement ? { replacement } : {}),
  };
}

/** The newest higher major of the same port whose contract is not deprecated: where its consumers should go. */
export function replacementOf(product: DataProduct, port: OutputPort): PortVersionRef | undefined {
  let best: OutputPort | undefined;
  for (const candidate of product.outputPorts) {
    if (candidate.name !== port.name || candidate.major <= port.major) continue;
    if (!candidate.contract || isDeprecatedContract(candidate.contract)) continue;
    if (!best || candidate.major > best.major) best = candidate;
  }
  return best ? { port: best.name, major: best.major } : undefined;
}

/** The audit resource of a port version: its deprecation and retirement are recorded there. */
export function portVersionUrn(productId: string, port: string, major: number): string {
  return `urn:meshwork:port:${productId}:${port}:v${major}`;
}

/** `YYYY-MM-DD` of a date, in UTC. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
