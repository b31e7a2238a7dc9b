/** Built-in naming conventions for products, ports and columns; the convention is a parameter. */
import type { BuiltinPolicy } from './builtin-policy.js';

const convention = (fallback: string) => ({
  description: 'snake_case, kebab-case, camelCase, PascalCase, SCREAMING_SNAKE_CASE, or a regular expression.',
  default: fallback,
});

export const NAMING_POLICIES: readonly BuiltinPolicy[] = [
  {
    name: 'naming-products',
    description: 'Product names follow the naming convention.',
    rationale: 'Predictable names make products easy to find and to write in SQL.',
    severity: 'warning',
    scope: { target: 'product' },
    check: 'matchesConvention(product.name, params.convention)',
    message: '"product name \\"" + product.name + "\\" is not " + params.convention',
    field: '',
    fix: 'Rename the product folder to follow the convention (a new product id: plan it like a breaking change).',
    params: { convention: convention('kebab-case') },
    tests: [
      { name: 'kebab-case passes', product: { name: 'customer-360' }, expect: 'pass' },
      { name: 'camelCase fails', product: { name: 'customer360View' }, expect: 'fail' },
    ],
  },
  {
    name: 'naming-ports',
    description: 'Output port names follow the naming convention.',
    rationale: 'Port names become SQL table names; one convention spares consumers from quoting.',
    severity: 'warning',
    scope: { target: 'port' },
    check: 'matchesConvention(port.name, params.convention)',
    message: '"port name \\"" + port.name + "\\" is not " + params.convention',
    field: '/name',
    fix: 'Rename the port (in the descriptor and the contract) to follow the convention.',
    params: { convention: convention('snake_case') },
    tests: [
      { name: 'snake_case passes', port: { name: 'order_lines' }, expect: 'pass' },
      { name: 'kebab-case fails', port: { name: 'order-lines' }, expect: 'fail' },
      {
        name: 'a regex convention applies',
        port: { name: 'orders_v2' },
        params: { convention: '[a-z]+_v[0-9]+' },
        expect: 'pass',
      },
    ],
  },
  {
    name: 'naming-columns',
    description: 'Column names follow the naming convention.',
    rationale: 'Columns in one convention join and read the same way in every product.',
    severity: 'warning',
    scope: { target: 'column' },
    check: 'matchesConvention(column.name, params.convention)',
    message: '"column name \\"" + column.name + "\\" is not " + params.convention',
    field: '/name',
    fix: 'Rename the column to follow the convention (a breaking change for consumers: plan a new major version).',
    params: { convention: convention('snake_case') },
    tests: [
      { name: 'snake_case passes', column: { name: 'customer_id' }, expect: 'pass' },
      { name: 'camelCase fails', column: { name: 'customerId' }, expect: 'fail' },
    ],
  },
];
