/**
 * Resources written as text, as in policy tests and on the command line: `mesh`, `domain:sales`,
 * `sales.orders`, `sales.orders/orders` (the current major version), `sales.orders/orders@2`,
 * `sales.orders/orders@2/customer_id`.
 */
import type { MeshModel } from '@meshwork/core';
import { currentPort, findPort } from './access-model.js';
import type { AccessResource } from './access-types.js';

/** The resource, or why the text names none of the model. */
export function parseResourceRef(model: MeshModel, text: string): AccessResource | { readonly error: string } {
  if (text === 'mesh') return { kind: 'mesh' };
  if (text.startsWith('domain:')) {
    const domain = text.slice('domain:'.length);
    return model.domains.has(domain) ? { kind: 'domain', domain } : { error: `the mesh has no domain "${domain}"` };
  }
  const [productId = '', portText, column, ...rest] = text.split('/');
  if (rest.length > 0) return { error: `"${text}" has too many parts` };
  if (!model.products.has(productId)) return { error: `the mesh has no product "${productId}" (write domain.product)` };
  if (portText === undefined) return { kind: 'product', productId };
  const versioned = /^(.+)@([0-9]+)$/.exec(portText);
  const resolved = versioned
    ? findPort(model, { productId, port: versioned[1]!, major: Number(versioned[2]) })
    : currentPort(model, productId, portText);
  if (!resolved) return { error: `${productId} has no output port "${portText}"` };
  if (column === undefined) return { kind: 'port', port: resolved.ref };
  const exists = resolved.port.contract?.tables[0]?.columns.some((c) => c.name === column);
  if (!exists) return { error: `port ${portText} of ${productId} has no column "${column}"` };
  return { kind: 'column', port: resolved.ref, column };
}
