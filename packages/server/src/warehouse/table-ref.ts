/**
 * Table references are checked before they become folder names: a product id, a port name and a
 * major version that cannot escape the warehouse root, collide on a case-insensitive disk or
 * contain a separator.
 */
import { InputError } from '@meshwork/core';
import type { LockOwner, TableRef } from './warehouse-types.js';

const PRODUCT_ID = /^([a-z][a-z0-9-]{0,62})\.([a-z][a-z0-9-]{0,62})$/;
const PORT = /^[a-z0-9][a-z0-9_-]{0,62}$/;
const MAX_MAJOR = 999_999;
// Printable, no control characters: run ids end up in lock files and messages.
const RUN_ID = /^[\x20-\x7e]{1,200}$/;

export interface ProductName {
  readonly domain: string;
  readonly product: string;
}

export function parseProductId(productId: unknown): ProductName {
  const match = typeof productId === 'string' ? PRODUCT_ID.exec(productId) : null;
  if (!match) {
    throw new InputError('MW8101', `Invalid product id ${JSON.stringify(productId)}: expected \`domain.product\`.`);
  }
  return { domain: match[1]!, product: match[2]! };
}

export function assertTableRef(table: TableRef): TableRef {
  parseProductId(table.productId);
  if (typeof table.port !== 'string' || !PORT.test(table.port)) {
    throw new InputError('MW8101', `Invalid port name ${JSON.stringify(table.port)} for ${table.productId}.`);
  }
  if (!Number.isInteger(table.major) || table.major < 0 || table.major > MAX_MAJOR) {
    throw new InputError('MW8101', `Invalid major version ${JSON.stringify(table.major)} for ${table.productId}.`);
  }
  return { productId: table.productId, port: table.port, major: table.major };
}

export function assertLockOwner(owner: LockOwner): { readonly runId: string; readonly pid: number } {
  const pid = owner.pid ?? process.pid;
  if (typeof owner.runId !== 'string' || !RUN_ID.test(owner.runId) || !Number.isInteger(pid) || pid <= 0) {
    throw new InputError('MW8113', `Invalid run id ${JSON.stringify(owner.runId)} or pid ${JSON.stringify(pid)}.`);
  }
  return { runId: owner.runId, pid };
}

/** `sales.orders/orders/v1`, for messages. */
export function tableLabel(table: TableRef): string {
  return `${table.productId}/${table.port}/v${table.major}`;
}

export function sameTable(a: TableRef, b: TableRef): boolean {
  return a.productId === b.productId && a.port === b.port && a.major === b.major;
}
