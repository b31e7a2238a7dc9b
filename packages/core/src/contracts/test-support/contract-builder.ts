/**
 * A small builder of ODCS v3.1.0 contracts for the classifier's tests: `orders()` is a
 * realistic contract that touches every aspect the classifier compares, `edited()` copies a
 * contract and lets a test change it the way a producer would.
 */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export function column(name: string, fields: JsonObject = {}): JsonObject {
  return { name, logicalType: 'string', physicalType: 'VARCHAR', classification: 'internal', ...fields };
}

export function table(name: string, properties: JsonObject[], fields: JsonObject = {}): JsonObject {
  return { name, physicalName: name, physicalType: 'table', logicalType: 'object', ...fields, properties };
}

export function contract(schema: JsonObject[], fields: JsonObject = {}): JsonObject {
  return {
    apiVersion: 'v3.1.0',
    kind: 'DataContract',
    id: 'orders-contract',
    version: '1.0.0',
    status: 'active',
    ...fields,
    schema,
  };
}

const rule = (metric: string, fields: JsonObject = {}): JsonObject => ({
  type: 'library',
  metric,
  mustBe: 0,
  severity: 'error',
  ...fields,
});

export function ordersTable(): JsonObject {
  return table(
    'orders',
    [
      column('order_id', {
        required: true,
        unique: true,
        primaryKey: true,
        primaryKeyPosition: 1,
        description: 'Order number from the web shop.',
        quality: [rule('nullValues'), rule('duplicateValues')],
      }),
      column('customer_id', {
        physicalType: 'VARCHAR(36)',
        required: true,
        description: 'Customer who placed the order.',
        relationships: [{ type: 'foreignKey', to: 'customers.customer_id' }],
      }),
      column('ordered_at', { logicalType: 'timestamp', physicalType: 'TIMESTAMP', required: true }),
      column('status', {
        required: true,
        quality: [rule('invalidValues', { arguments: { validValues: ['placed', 'paid', 'shipped'] } })],
      }),
      column('quantity', {
        logicalType: 'integer',
        physicalType: 'INTEGER',
        logicalTypeOptions: { minimum: 1, maximum: 100, format: 'i32' },
      }),
      column('amount', { logicalType: 'number', physicalType: 'DECIMAL(12,2)', logicalTypeOptions: { minimum: 0 } }),
      column('country', {
        physicalType: 'VARCHAR(2)',
        logicalTypeOptions: { pattern: '^[A-Z]{2}$', minLength: 2, maxLength: 2 },
      }),
      column('email', { classification: 'pii', logicalTypeOptions: { format: 'email' } }),
      column('order_date', { logicalType: 'date', physicalType: 'DATE', logicalTypeOptions: { format: 'yyyy-MM-dd' } }),
      column('lines', {
        logicalType: 'array',
        physicalType: 'STRUCT[]',
        items: {
          logicalType: 'object',
          properties: [
            column('sku', { required: true }),
            column('qty', { logicalType: 'integer', physicalType: 'INTEGER' }),
          ],
        },
      }),
      column('shipping', {
        logicalType: 'object',
        physicalType: 'STRUCT',
        properties: [column('street'), column('city', { required: true })],
      }),
    ],
    {
      description: 'Orders from all sales channels.',
      dataGranularityDescription: 'One row per order_id.',
      quality: [
        { name: 'row_count_floor', type: 'library', metric: 'rowCount', mustBeGreaterThan: 1000, severity: 'error' },
      ],
    },
  );
}

/** The contract most cases start from. */
export function orders(): JsonObject {
  return contract([ordersTable()], {
    description: {
      purpose: 'Orders as the shop records them.',
      usage: 'Join on order_id.',
      limitations: 'Amounts are in EUR.',
    },
    tags: ['sales'],
    servers: [{ server: 'prod', type: 'duckdb', database: 'mesh.duckdb', schema: 'sales' }],
    slaProperties: [
      { property: 'latency', value: 2, unit: 'h', element: 'orders.ordered_at' },
      { property: 'frequency', value: 1, unit: 'h' },
      { property: 'retention', value: 3, unit: 'y' },
      { property: 'availability', value: 99.9, unit: 'percent' },
      { property: 'timeOfAvailability', value: '06:00Z' },
    ],
  });
}

/** A deep copy of `document`, changed by `edit`. */
export function edited(document: JsonObject, edit: (draft: Draft) => void): JsonObject {
  const copy = structuredClone(document);
  edit(new Draft(copy));
  return copy;
}

/** Navigation in a contract being edited; throws on a wrong name, which is a bug in the test. */
export class Draft {
  constructor(readonly document: JsonObject) {}

  table(name = 'orders'): JsonObject {
    const found = (this.document.schema as JsonObject[]).find((t) => t.name === name);
    if (!found) throw new Error(`no table ${name}`);
    return found;
  }

  columns(tableName = 'orders'): JsonObject[] {
    return this.table(tableName).properties as JsonObject[];
  }

  /** A column by dotted path (`shipping.city`, `lines[].sku`). */
  column(path: string, tableName = 'orders'): JsonObject {
    let list = this.columns(tableName);
    let found: JsonObject | undefined;
    for (const part of path.split('.')) {
      const items = part.endsWith('[]');
      found = list.find((c) => c.name === part.replace('[]', ''));
      if (!found) throw new Error(`no column ${path}`);
      if (items) found = found.items as JsonObject;
      list = (found.properties as JsonObject[] | undefined) ?? [];
    }
    return found!;
  }

  options(path: string): JsonObject {
    const target = this.column(path);
    target.logicalTypeOptions ??= {};
    return target.logicalTypeOptions as JsonObject;
  }

  removeColumn(path: string, tableName = 'orders'): void {
    const list = this.columns(tableName);
    list.splice(list.indexOf(this.column(path, tableName)), 1);
  }

  sla(property: string): JsonObject {
    const found = (this.document.slaProperties as JsonObject[]).find((s) => s.property === property);
    if (!found) throw new Error(`no SLA property ${property}`);
    return found;
  }
}
