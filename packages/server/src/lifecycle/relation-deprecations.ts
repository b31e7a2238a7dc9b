/**
 * The deprecation notices of a query: one per deprecated port version it read, with the SQL name
 * of the version to move to. The gateway attaches them to the result so every front end can tell
 * its reader — HTTP headers, a PostgreSQL NoticeResponse, a line on the CLI's stderr.
 */
import type { PortRef } from '../access/access-types.js';
import type { ResolvedRelation } from '../gateway/relation-catalog.js';
import type { DeprecatedSinceLookup } from './deprecated-since.js';
import { portDeprecation } from './port-deprecation.js';

export interface DeprecationNotice {
  readonly productId: string;
  readonly port: string;
  readonly major: number;
  /** The SQL name of the deprecated version: `sales.orders_v1`. */
  readonly relation: string;
  /** When the deprecation was first published; undefined while it is not (or cannot be looked up). */
  readonly deprecatedSince?: Date;
  /** When it stops being served; undefined when its contract does not say. */
  readonly endOfLife?: Date;
  readonly replacement?: { readonly port: string; readonly major: number; readonly relation?: string };
}

/** SQL names of port versions, as the relation catalog lists them. */
export interface RelationNames {
  nameOf(port: PortRef): string | undefined;
}

export async function relationDeprecations(
  relations: readonly ResolvedRelation[],
  names: RelationNames,
  deprecatedSince?: DeprecatedSinceLookup,
): Promise<readonly DeprecationNotice[]> {
  const notices: DeprecationNotice[] = [];
  const seen = new Set<string>();
  for (const relation of relations) {
    const deprecation = portDeprecation(relation.product, relation.outputPort);
    const key = `${relation.port.productId}/${relation.port.port}/${relation.port.major}`;
    if (!deprecation || seen.has(key)) continue;
    seen.add(key);
    const since = await deprecatedSince?.(relation.product.id, relation.outputPort.contract!.id).catch(() => undefined);
    const replacement = deprecation.replacement;
    const replacementName = replacement && names.nameOf({ productId: relation.product.id, ...replacement });
    notices.push({
      productId: deprecation.productId,
      port: deprecation.port,
      major: deprecation.major,
      relation: names.nameOf(relation.port) ?? `${relation.product.id} ${deprecation.port} v${deprecation.major}`,
      ...(since ? { deprecatedSince: since } : {}),
      ...(deprecation.endOfLife ? { endOfLife: deprecation.endOfLife } : {}),
      ...(replacement
        ? { replacement: { ...replacement, ...(replacementName ? { relation: replacementName } : {}) } }
        : {}),
    });
  }
  return notices;
}
