/**
 * The SQL name under which the gateway serves a port's current major version: the domain as
 * schema, the product name with `-` as `_`, suffixed by `_<port>` unless the port is the
 * product's default (its first port, or one named like the product). Kept identical to
 * packages/server/src/gateway/relation-catalog.ts, which accepts these canonical names.
 */
import type { DataProduct } from '../model/model-types.js';

const sqlIdentifier = (name: string): string => name.toLowerCase().replace(/-/g, '_');

/** @example relationSqlName(customerProfile, 'customer_profile') // 'customers.customer_profile' */
export function relationSqlName(product: DataProduct, port: string): string {
  const productName = sqlIdentifier(product.name);
  const ports = [...new Set(product.outputPorts.map((p) => p.name))];
  const isDefault = ports[0] === port || sqlIdentifier(port) === productName;
  const table = isDefault ? productName : `${productName}_${sqlIdentifier(port)}`;
  return `${sqlIdentifier(product.domain)}.${table}`;
}
