/**
 * Which output port an access request is for: `<domain.product>[/<port>][@<major>]` resolved
 * against the mesh model. Without a port, a product with one output port means that one; without
 * a major version, the port's current (highest) major.
 */
import { InputError, NotFoundError, type DataProduct, type MeshModel } from '@meshwork/core';
import type { PortRef } from '../access/access-types.js';

export interface PortReference {
  readonly productId: string;
  readonly port?: string;
  readonly major?: number;
}

/** Splits `sales.orders/orders@2` (also `sales/orders`); no model needed. */
export function parsePortReference(text: string): PortReference {
  const at = text.lastIndexOf('@');
  const path = at < 0 ? text : text.slice(0, at);
  const majorText = at < 0 ? undefined : text.slice(at + 1).replace(/^v/, '');
  if (majorText !== undefined && !/^\d{1,9}$/.test(majorText)) {
    throw new InputError('MW8703', `${JSON.stringify(text)}: the major version after @ must be a number, e.g. @2.`);
  }
  const parts = path.split('/');
  // `domain.product/port`, or `domain/product[/port]` as other commands accept.
  const [productId, port] = parts[0]!.includes('.')
    ? [parts[0]!, parts[1]]
    : [`${parts[0]}.${parts[1] ?? ''}`, parts[2]];
  if (!/^[^./]+\.[^./]+$/.test(productId) || parts.length > (parts[0]!.includes('.') ? 2 : 3) || port === '') {
    throw new InputError('MW8703', `${JSON.stringify(text)} is not <domain.product>[/<port>][@<major>].`);
  }
  return {
    productId,
    ...(port === undefined ? {} : { port }),
    ...(majorText === undefined ? {} : { major: Number(majorText) }),
  };
}

export interface ResolvedPort {
  readonly product: DataProduct;
  readonly port: PortRef;
}

export function resolvePort(model: MeshModel, reference: PortReference): ResolvedPort {
  const product = model.products.get(reference.productId);
  if (!product) throw new NotFoundError('MW8703', `no product ${reference.productId} in the mesh.`);
  const names = [...new Set(product.outputPorts.map((p) => p.name))];
  if (names.length === 0) throw new NotFoundError('MW8703', `${product.id} has no output port to request access to.`);
  let name = reference.port;
  if (name === undefined) {
    if (names.length > 1) {
      throw new InputError('MW8704', `${product.id} has ${names.length} output ports (${names.join(', ')}); name one.`);
    }
    name = names[0]!;
  }
  const majors = product.outputPorts.filter((p) => p.name === name).map((p) => p.major);
  if (majors.length === 0) {
    throw new NotFoundError('MW8703', `${product.id} has no output port ${name} (ports: ${names.join(', ')}).`);
  }
  const major = reference.major ?? Math.max(...majors);
  if (!majors.includes(major)) {
    throw new NotFoundError(
      'MW8703',
      `${product.id}/${name} has no major version ${major} (served: ${majors.map((m) => `v${m}`).join(', ')}).`,
    );
  }
  return { product, port: { productId: product.id, port: name, major } };
}
