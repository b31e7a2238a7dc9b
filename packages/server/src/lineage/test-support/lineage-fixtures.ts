/**
 * A small mesh for lineage tests, as data: products with output ports, contract columns and
 * pipeline inputs (only the model fields lineage reads), and the PipelineLineage their runs
 * would record.
 *
 *   file orders.csv ─┐
 *   crm.customers ───┴─> sales.orders ──> finance.revenue ──> marketing.reach (no column lineage)
 *                                     └─> hr.secret ──> ops.audit
 */
import type { DataProduct, LineageInput, MeshModel, PipelineLineage, PortLineage } from '@meshwork/core';

interface PortSpec {
  readonly name: string;
  readonly major?: number;
  readonly columns: readonly string[];
}

type InputSpec =
  | {
      readonly name: string;
      readonly kind: 'product';
      readonly product: string;
      readonly port: string;
      readonly majorVersion?: number;
    }
  | { readonly name: string; readonly kind: 'file'; readonly path: string }
  | { readonly name: string; readonly kind: 'postgres'; readonly connection: string; readonly table?: string };

export interface ProductSpec {
  readonly id: string;
  readonly owner?: string;
  readonly ports: readonly PortSpec[];
  readonly inputs?: readonly InputSpec[];
  /** ODPS input ports: contract ids of upstream ports. */
  readonly inputPorts?: readonly string[];
}

export function testModel(specs: readonly ProductSpec[]): MeshModel {
  const products = new Map<string, DataProduct>();
  for (const spec of [...specs].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const [domain = '', name = ''] = spec.id.split('.');
    const product = {
      id: spec.id,
      domain,
      name,
      directory: `domains/${domain}/${name}`,
      ownerTeam: spec.owner ?? `${domain}-team`,
      outputPorts: spec.ports.map((port) => ({
        name: port.name,
        version: `${port.major ?? 1}.0.0`,
        major: port.major ?? 1,
        contractId: contractId(spec.id, port.name, port.major ?? 1),
        contract: { tables: [{ name: port.name, columns: port.columns.map((c) => ({ name: c })) }] },
      })),
      inputPorts: (spec.inputPorts ?? []).map((id) => ({ name: id, version: '1.0.0', contractId: id })),
      pipeline: spec.inputs ? { file: 'pipeline.yaml', definition: { inputs: spec.inputs } } : undefined,
    };
    products.set(spec.id, product as unknown as DataProduct);
  }
  return { products } as unknown as MeshModel;
}

export function contractId(productId: string, port: string, major: number): string {
  return `${productId}.${port}.v${major}`;
}

export const MESH: readonly ProductSpec[] = [
  {
    id: 'crm.customers',
    ports: [{ name: 'customers', columns: ['id', 'email', 'region'] }],
    inputs: [{ name: 'raw', kind: 'file', path: 'data/customers.csv' }],
  },
  {
    id: 'sales.orders',
    ports: [
      { name: 'orders', columns: ['id', 'customer_id', 'amount', 'region'] },
      { name: 'orders', major: 2, columns: ['id', 'amount_cents'] },
    ],
    inputs: [
      { name: 'raw', kind: 'file', path: 'data/orders.csv' },
      { name: 'customers', kind: 'product', product: 'crm.customers', port: 'customers' },
    ],
  },
  {
    id: 'finance.revenue',
    ports: [{ name: 'revenue', columns: ['region', 'total'] }],
    inputs: [{ name: 'orders', kind: 'product', product: 'sales.orders', port: 'orders', majorVersion: 1 }],
  },
  {
    id: 'marketing.reach',
    ports: [{ name: 'reach', columns: ['region', 'score'] }],
    inputs: [{ name: 'revenue', kind: 'product', product: 'finance.revenue', port: 'revenue' }],
  },
  {
    id: 'hr.secret',
    ports: [{ name: 'secret', columns: ['x'] }],
    inputs: [{ name: 'orders', kind: 'product', product: 'sales.orders', port: 'orders', majorVersion: 1 }],
  },
  {
    id: 'ops.audit',
    ports: [{ name: 'audit', columns: ['x'] }],
    inputs: [{ name: 'secret', kind: 'product', product: 'hr.secret', port: 'secret' }],
  },
];

const src = (
  relation: string,
  column: string,
  transform: PortLineage['columns'][number]['sources'][number]['transform'],
) => ({
  relation,
  column,
  transform,
});

function pipeline(productId: string, inputs: LineageInput[], outputs: PortLineage[]): PipelineLineage {
  return { productId, inputs, outputs, unresolved: [] };
}

export const ORDERS_LINEAGE = pipeline(
  'sales.orders',
  [
    { name: 'raw', kind: 'file', location: 'data/orders.csv' },
    { name: 'customers', kind: 'product', product: 'crm.customers', port: 'customers', major: 1 },
  ],
  [
    {
      port: 'orders',
      major: 1,
      from: 'orders',
      columns: [
        { column: 'id', sources: [src('raw', 'id', 'direct')] },
        { column: 'customer_id', sources: [src('raw', 'customer_id', 'direct')] },
        { column: 'amount', sources: [src('raw', 'amount', 'expression')] },
        { column: 'region', sources: [src('customers', 'region', 'direct')] },
      ],
      rows: [src('raw', 'customer_id', 'join'), src('customers', 'id', 'join'), src('raw', 'status', 'filter')],
      unresolved: [],
    },
    {
      port: 'orders',
      major: 2,
      from: 'orders_v2',
      columns: [
        { column: 'id', sources: [src('raw', 'id', 'direct')] },
        { column: 'amount_cents', sources: [src('raw', 'amount', 'expression')] },
      ],
      rows: [src('raw', 'status', 'filter')],
      unresolved: [],
    },
  ],
);

export const REVENUE_LINEAGE = pipeline(
  'finance.revenue',
  [{ name: 'orders', kind: 'product', product: 'sales.orders', port: 'orders', major: 1 }],
  [
    {
      port: 'revenue',
      major: 1,
      from: 'revenue',
      columns: [
        { column: 'region', sources: [src('orders', 'region', 'direct')] },
        { column: 'total', sources: [src('orders', 'amount', 'aggregate')] },
      ],
      rows: [src('orders', 'region', 'group')],
      unresolved: [],
    },
  ],
);

export const SECRET_LINEAGE = pipeline(
  'hr.secret',
  [{ name: 'orders', kind: 'product', product: 'sales.orders', port: 'orders', major: 1 }],
  [
    {
      port: 'secret',
      major: 1,
      from: 'secret',
      columns: [{ column: 'x', sources: [src('orders', 'amount', 'masked')] }],
      rows: [],
      unresolved: [],
    },
  ],
);

export const AUDIT_LINEAGE = pipeline(
  'ops.audit',
  [{ name: 'secret', kind: 'product', product: 'hr.secret', port: 'secret', major: 1 }],
  [
    {
      port: 'audit',
      major: 1,
      from: 'audit',
      columns: [{ column: 'x', sources: [src('secret', 'x', 'direct')] }],
      rows: [],
      unresolved: [],
    },
  ],
);
