import { describe } from 'vitest';
import { column, ordersTable, type JsonObject, type Draft } from './test-support/contract-builder.js';
import { runChangeCases } from './test-support/change-cases.js';

describe('tables', () => {
  runChangeCases([
    {
      name: 'a removed table is breaking',
      after: (d) => (d.document.schema = []),
      expect: [['table-removed', 'breaking']],
    },
    {
      name: 'an added table is non-breaking',
      after: (d) =>
        (d.document.schema as JsonObject[]).push({ ...ordersTable(), name: 'refunds', physicalName: 'refunds' }),
      expect: [['table-added', 'non-breaking']],
    },
    {
      name: 'a table renamed over the same stored table is a breaking rename',
      after: (d) => (d.table().name = 'sales_orders'),
      expect: [['table-renamed', 'breaking']],
    },
    {
      name: 'a new physical name of a table is breaking',
      after: (d) => (d.table().physicalName = 'orders_v2'),
      expect: [['table-physical-name-changed', 'breaking']],
    },
    {
      name: 'a table becoming a view is risky',
      after: (d) => (d.table().physicalType = 'view'),
      expect: [['table-physical-type-changed', 'risky']],
    },
    {
      name: 'a new granularity is risky',
      after: (d) => (d.table().dataGranularityDescription = 'One row per order line.'),
      expect: [['granularity-changed', 'risky']],
    },
  ]);
});

describe('columns', () => {
  runChangeCases([
    {
      name: 'a removed column is breaking',
      after: (d) => d.removeColumn('amount'),
      expect: [['column-removed', 'breaking']],
      column: 'amount',
    },
    {
      name: 'an added optional column is non-breaking',
      after: (d) => d.columns().push(column('coupon_code')),
      expect: [['column-added', 'non-breaking']],
    },
    {
      name: 'an added required column is non-breaking for readers, and called out',
      after: (d) => d.columns().push(column('region', { required: true })),
      expect: [['required-column-added', 'non-breaking']],
    },
    {
      name: 'a column renamed in place is a breaking rename',
      after: (d) => (d.column('country').name = 'country_code'),
      expect: [['column-renamed', 'breaking']],
      column: 'country_code',
    },
    {
      name: 'a column whose successor names it is a rename even as columns come and go',
      after: (d) => {
        Object.assign(d.column('amount'), { name: 'gross_amount', description: 'Replaces amount, tax included.' });
        d.columns().push(column('net_amount', { logicalType: 'number', physicalType: 'DECIMAL(12,2)' }));
      },
      expect: [
        ['column-renamed', 'breaking'],
        ['description-changed', 'non-breaking'],
        ['column-added', 'non-breaking'],
      ],
    },
    {
      name: 'a new physical name of a column is breaking',
      after: (d) => (d.column('customer_id').physicalName = 'cust_id'),
      expect: [['column-physical-name-changed', 'breaking']],
    },
    {
      name: 'a removed nested property is breaking and named by its path',
      after: (d) => ((d.column('shipping').properties as JsonObject[]).shift(), undefined),
      expect: [['column-removed', 'breaking']],
      column: 'shipping.street',
    },
    {
      name: 'a property added to array items is non-breaking',
      after: (d) => (d.column('lines[]').properties as JsonObject[]).push(column('price')),
      expect: [['column-added', 'non-breaking']],
      column: 'lines[].price',
    },
  ]);
});

describe('types', () => {
  runChangeCases([
    {
      name: 'integer to number widens: risky',
      after: (d) => (d.column('quantity').logicalType = 'number'),
      expect: [['logical-type-widened', 'risky']],
    },
    {
      name: 'number to integer narrows: breaking',
      after: (d) => (d.column('amount').logicalType = 'integer'),
      expect: [['logical-type-narrowed', 'breaking']],
    },
    {
      name: 'string to integer narrows: breaking',
      after: (d) => (d.column('country').logicalType = 'integer'),
      expect: [['logical-type-narrowed', 'breaking']],
    },
    {
      name: 'date to timestamp is incompatible, not a widening',
      after: (d) => (d.column('order_date').logicalType = 'timestamp'),
      expect: [['logical-type-incompatible', 'breaking']],
    },
    {
      name: 'a dropped logical type is breaking',
      after: (d) => delete d.column('email').logicalType,
      expect: [['logical-type-removed', 'breaking']],
    },
    {
      name: 'INTEGER to BIGINT widens: risky',
      after: (d) => (d.column('quantity').physicalType = 'BIGINT'),
      expect: [['physical-type-widened', 'risky']],
    },
    {
      name: 'BIGINT to INTEGER narrows: breaking',
      before: (d) => (d.column('quantity').physicalType = 'BIGINT'),
      after: (d) => (d.column('quantity').physicalType = 'INTEGER'),
      expect: [['physical-type-narrowed', 'breaking']],
    },
    {
      name: 'more decimal precision widens',
      after: (d) => (d.column('amount').physicalType = 'DECIMAL(14,2)'),
      expect: [['physical-type-widened', 'risky']],
    },
    {
      name: 'a smaller decimal scale narrows',
      after: (d) => (d.column('amount').physicalType = 'DECIMAL(12,0)'),
      expect: [['physical-type-narrowed', 'breaking']],
    },
    {
      name: 'a longer VARCHAR widens',
      after: (d) => (d.column('customer_id').physicalType = 'VARCHAR(64)'),
      expect: [['physical-type-widened', 'risky']],
    },
    {
      name: 'a shorter VARCHAR narrows',
      after: (d) => (d.column('customer_id').physicalType = 'varchar(10)'),
      expect: [['physical-type-narrowed', 'breaking']],
    },
    {
      name: 'spelling a type differently is no change',
      after: (d) => (d.column('quantity').physicalType = 'int4'),
      expect: [],
    },
    {
      name: 'a timestamp gaining a time zone is incompatible',
      after: (d) => (d.column('ordered_at').physicalType = 'TIMESTAMP WITH TIME ZONE'),
      expect: [['physical-type-incompatible', 'breaking']],
    },
    {
      name: 'an unknown physical type change is risky',
      after: (d) => (d.column('shipping').physicalType = 'MAP'),
      expect: [['physical-type-changed', 'risky']],
    },
  ]);
});

describe('keys, nullability and uniqueness', () => {
  const composite = (d: Draft) => Object.assign(d.column('customer_id'), { primaryKey: true, primaryKeyPosition: 2 });
  runChangeCases([
    {
      name: 'required true to false is breaking',
      after: (d) => (d.column('customer_id').required = false),
      expect: [['required-relaxed', 'breaking']],
    },
    {
      name: 'required false to true is non-breaking',
      after: (d) => (d.column('email').required = true),
      expect: [['required-tightened', 'non-breaking']],
    },
    {
      name: 'unique true to false is breaking',
      after: (d) => delete d.column('order_id').unique,
      expect: [['unique-relaxed', 'breaking']],
    },
    {
      name: 'a column joining the key changes the grain: breaking',
      after: composite,
      expect: [['primary-key-changed', 'breaking']],
    },
    {
      name: 'swapped key positions are breaking',
      before: composite,
      after: (d) => {
        d.column('order_id').primaryKeyPosition = 2;
        d.column('customer_id').primaryKeyPosition = 1;
      },
      expect: [['primary-key-reordered', 'breaking']],
    },
    {
      name: 'a dropped key is breaking',
      after: (d) => (d.column('order_id').primaryKey = false),
      expect: [['primary-key-removed', 'breaking']],
    },
    {
      name: 'a key declared where there was none is non-breaking',
      before: (d) => (d.column('order_id').primaryKey = false),
      after: (d) => (d.column('order_id').primaryKey = true),
      expect: [['primary-key-added', 'non-breaking']],
    },
    {
      name: 'a renamed key column is the rename, not a new key',
      after: (d) =>
        Object.assign(d.column('order_id'), { name: 'id', description: 'Order number, formerly order_id.' }),
      expect: [
        ['column-renamed', 'breaking'],
        ['description-changed', 'non-breaking'],
      ],
    },
  ]);
});

describe('classification', () => {
  runChangeCases([
    {
      name: 'internal to pii is breaking for consumers without an agreement',
      after: (d) => (d.column('customer_id').classification = 'pii'),
      expect: [['classification-raised', 'breaking']],
    },
    {
      name: 'pii to public is risky',
      after: (d) => (d.column('email').classification = 'public'),
      expect: [['classification-lowered', 'risky']],
    },
    {
      name: 'pii to sensitive, same rank, is risky',
      after: (d) => (d.column('email').classification = 'sensitive'),
      expect: [['classification-changed', 'risky']],
    },
    {
      name: 'a classification written in capitals is the same',
      after: (d) => (d.column('email').classification = 'PII'),
      expect: [],
    },
  ]);
});
