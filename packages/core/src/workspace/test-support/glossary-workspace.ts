/**
 * A one-product workspace whose contract binds columns to a small glossary: the fixture of the
 * glossary tests. Tests replace single files to provoke one problem at a time.
 */

export const GLOSSARY_FILE = 'glossary/customers.yaml';
export const CONTRACT_FILE = 'domains/crm/customers/customers.odcs.yaml';

export const GLOSSARY_YAML = `apiVersion: meshwork/v1
kind: Glossary
entities:
  - name: Customer
    description: A person or company with an account.
    synonyms: [client]
    identifiers:
      - name: customer_id
        logicalType: string
        pattern: ^C[0-9]{7}$
    attributes:
      - name: segment
        logicalType: string
    relations:
      - name: places
        target: Order
        cardinality: one-to-many
  - name: Order
    description: A purchase.
    identifiers:
      - name: order_id
        logicalType: string
terms:
  - name: Region
    description: Sales region.
metrics:
  - name: CustomerLifetimeValue
    description: Gross revenue of a customer's completed orders.
    measure: sum(Order.gross_amount)
    grain: Customer
    dimensions: [Customer.segment]
`;

/** A contract column with the given extra YAML lines (indented under the property). */
export function contractYaml(bindings: Readonly<Record<string, readonly string[]>>): string {
  const column = (name: string, required: boolean) => {
    const urls = bindings[name] ?? [];
    const definitions = urls.length
      ? `        authoritativeDefinitions:\n${urls.map((url) => `          - type: businessDefinition\n            url: ${url}\n`).join('')}`
      : '';
    return `      - name: ${name}\n        logicalType: string\n        required: ${required}\n${definitions}`;
  };
  return `apiVersion: v3.1.0
kind: DataContract
id: 8d3a0c52-3f0e-4a43-9d44-4b1f1c0a7e10
name: customers
version: 1.0.0
status: active
schema:
  - name: customers
    physicalName: customers
    physicalType: table
    logicalType: object
    properties:
${column('customer_id', true)}${column('segment', false)}${column('region', false)}`;
}

export function glossaryWorkspace(overrides: Readonly<Record<string, string | undefined>> = {}): Map<string, string> {
  const files = new Map<string, string>([
    ['mesh.yaml', 'apiVersion: meshwork/v1\nkind: Mesh\nname: glossary-test\nteams:\n  - id: crm-team\n'],
    ['domains/crm/domain.yaml', 'apiVersion: meshwork/v1\nkind: Domain\nname: crm\nowner: crm-team\n'],
    [
      'domains/crm/customers/product.odps.yaml',
      `apiVersion: v1.0.0
kind: DataProduct
id: 1f7c2b0e-9a51-4c1e-8f43-0d2b6a9e3c11
name: Customers
version: 1.0.0
status: active
domain: crm
team:
  name: crm-team
outputPorts:
  - name: customers
    version: 1.0.0
    contractId: 8d3a0c52-3f0e-4a43-9d44-4b1f1c0a7e10
`,
    ],
    [
      CONTRACT_FILE,
      contractYaml({
        customer_id: ['urn:meshwork:glossary:Customer.customer_id'],
        segment: ['https://wiki.example.com/segment', 'urn:meshwork:glossary:Customer.segment'],
      }),
    ],
    [
      'domains/crm/customers/pipeline.yaml',
      `apiVersion: meshwork/v1
kind: Pipeline
steps:
  - name: customers
    query: SELECT 'C0000001' AS customer_id, 'smb' AS segment, 'EU' AS region
outputs:
  - port: customers
    from: customers
`,
    ],
    [GLOSSARY_FILE, GLOSSARY_YAML],
    ['glossary/README.md', '# Glossary\n\nNot YAML: ignored.\n'],
  ]);
  for (const [path, text] of Object.entries(overrides)) {
    if (text === undefined) files.delete(path);
    else files.set(path, text);
  }
  return files;
}
