/**
 * Who consumes a port version: the principals with an approved agreement on it, those who
 * queried its product lately, and — through lineage — the products whose pipelines read it
 * (listed as `product:<id>`, so a principal and a product can never be confused). Asked by the
 * breaking-change policy (who a change would affect) and by the lifecycle events (who to tell
 * about a breaking change or a deprecation).
 */
import type { MeshModel } from '@meshwork/core';
import type { MetadataStore } from '../metadata/metadata-store.js';

/** How far back a query makes its principal a consumer. */
export const RECENT_USAGE_DAYS = 30;

export interface ConsumedPort {
  readonly productId: string;
  readonly port: string;
  readonly major: number;
}

/**
 * Sorted principal ids, then the reading products (`product:<id>`, when the model is given);
 * agreements are paged through, usage is one aggregate query.
 */
export async function portConsumers(
  store: Pick<MetadataStore, 'listAgreements' | 'summarizeQueryUsage'>,
  port: ConsumedPort,
  now: Date = new Date(),
  model?: MeshModel,
): Promise<string[]> {
  const consumers = new Set<string>();
  let after: string | undefined;
  do {
    const page = await store.listAgreements({
      productId: port.productId,
      status: 'approved',
      limit: 1000,
      ...(after ? { after } : {}),
    });
    for (const agreement of page.items)
      if (agreement.port === port.port && agreement.major === port.major) consumers.add(agreement.principalId);
    after = page.next;
  } while (after !== undefined);
  const since = new Date(now.getTime() - RECENT_USAGE_DAYS * 86_400_000);
  for (const usage of await store.summarizeQueryUsage(port.productId, since)) consumers.add(usage.principalId);
  return [...[...consumers].sort(), ...(model ? readingProducts(model, port).map((id) => `product:${id}`) : [])];
}

/**
 * Products whose pipelines read this port version. An input without `majorVersion` reads the
 * newest major version of the port, as the runtime resolves it.
 */
export function readingProducts(model: MeshModel, port: ConsumedPort): string[] {
  const upstream = model.products.get(port.productId);
  const newest = Math.max(-1, ...(upstream?.outputPorts ?? []).filter((p) => p.name === port.port).map((p) => p.major));
  const readers: string[] = [];
  for (const product of model.products.values()) {
    const reads = (product.pipeline?.definition.inputs ?? []).some(
      (input) =>
        input.kind === 'product' &&
        input.product === port.productId &&
        input.port === port.port &&
        (input.majorVersion ?? newest) === port.major,
    );
    if (reads) readers.push(product.id);
  }
  return readers.sort();
}
