/**
 * The files `mesh new product` writes, per archetype: an ODPS v1.0.0 descriptor, one ODCS
 * v3.1.0 contract for its output port, a pipeline, a SQL step and a tiny sample input — all
 * valid as generated, so `mesh validate` passes straight away.
 */
import { randomUUID } from 'node:crypto';
import type { Archetype } from '@meshwork/core';
import { titleCase } from './workspace-template.js';

export interface ProductTemplateInput {
  readonly domain: string;
  readonly product: string;
  readonly archetype: Archetype;
  readonly ownerTeam?: string;
}

const PURPOSE: Record<Archetype, string> = {
  'source-aligned': 'Serves facts from an operational source system, cleaned and typed, for analytical use.',
  aggregate: 'Combines several data products into one consistent view.',
  'consumer-aligned': 'Answers the questions of one group of consumers, shaped for their use.',
};

const SQL: Record<Archetype, (port: string) => string> = {
  'source-aligned': (port) => `-- Step "${port}": clean and type the raw input.
-- Inputs and earlier steps are referred to by name; run parameters as getvariable('run_date').
SELECT
  CAST(id AS VARCHAR)           AS id,
  CAST(name AS VARCHAR)         AS name,
  CAST(amount AS DECIMAL(12,2)) AS amount,
  CAST(created_at AS DATE)      AS created_on
FROM raw_input
WHERE id IS NOT NULL
`,
  aggregate: (port) => `-- Step "${port}": combine inputs into one view.
-- To read another product, add an input with kind: product in pipeline.yaml.
SELECT
  CAST(id AS VARCHAR)                AS id,
  CAST(name AS VARCHAR)              AS name,
  CAST(SUM(amount) AS DECIMAL(12,2)) AS amount,
  CAST(MIN(created_at) AS DATE)      AS created_on
FROM raw_input
GROUP BY id, name
`,
  'consumer-aligned': (port) => `-- Step "${port}": shape the data for its consumers.
SELECT
  CAST(id AS VARCHAR)           AS id,
  CAST(name AS VARCHAR)         AS name,
  CAST(amount AS DECIMAL(12,2)) AS amount,
  CAST(created_at AS DATE)      AS created_on
FROM raw_input
ORDER BY created_on DESC
`,
};

export function productTemplate(input: ProductTemplateInput): ReadonlyMap<string, string> {
  const { domain, product, archetype } = input;
  const port = product.replace(/-/g, '_');
  const productId = randomUUID();
  const contractId = randomUUID();
  const title = titleCase(product);

  const descriptor = `# ODPS v1.0.0 data product descriptor. Meshwork keys: docs/reference/workspace.md
apiVersion: v1.0.0
kind: DataProduct
id: ${productId}
name: ${title}
version: 0.1.0
status: draft
domain: ${domain}
description:
  purpose: ${PURPOSE[archetype]}
  usage: Query it through the Meshwork SQL gateway as ${domain}.${port}.
  limitations: Generated from a template; describe the real limitations.
tags: [${domain}]
customProperties:
  - property: archetype
    value: ${archetype}
${input.ownerTeam ? `team:\n  name: ${input.ownerTeam}\n` : ''}support:
  - channel: ${domain}-data
    url: https://chat.example.com/channels/${domain}-data
outputPorts:
  - name: ${port}
    description: ${title}, one row per id.
    type: tables
    version: 1.0.0
    contractId: ${contractId}
`;

  const contract = `# ODCS v3.1.0 contract of output port "${port}" v1.
apiVersion: v3.1.0
kind: DataContract
id: ${contractId}
name: ${port}
version: 1.0.0
status: draft
domain: ${domain}
dataProduct: ${product}
description:
  purpose: ${title} as promised to consumers.
  usage: Join on id.
  limitations: None known yet.
schema:
  - name: ${port}
    physicalName: ${port}
    physicalType: table
    logicalType: object
    description: One row per id.
    properties:
      - name: id
        logicalType: string
        physicalType: VARCHAR
        required: true
        unique: true
        primaryKey: true
        primaryKeyPosition: 1
        classification: internal
        description: Stable identifier.
        quality:
          - type: library
            metric: nullValues
            mustBe: 0
            dimension: completeness
          - type: library
            metric: duplicateValues
            mustBe: 0
            dimension: uniqueness
      - name: name
        logicalType: string
        physicalType: VARCHAR
        required: true
        classification: internal
        description: Display name.
      - name: amount
        logicalType: number
        physicalType: DECIMAL(12,2)
        classification: internal
        description: Amount in EUR.
        logicalTypeOptions:
          minimum: 0
      - name: created_on
        logicalType: date
        physicalType: DATE
        classification: internal
        description: Day the record was created.
    quality:
      - type: library
        metric: rowCount
        mustBeGreaterThan: 0
slaProperties:
  - property: frequency
    value: 1
    unit: d
  - property: retention
    value: 30
    unit: d
`;

  const pipeline = `# How ${domain}.${product} is built. Reference: docs/reference/pipeline.md
apiVersion: meshwork/v1
kind: Pipeline
inputs:
  - name: raw_input
    kind: file
    path: data/sample.csv
    format: csv
  # Read another product's output port (it becomes an ODPS input port):
  # - name: customers
  #   kind: product
  #   product: customers.customer-profile
  #   port: customer_profile
  #   majorVersion: 1
steps:
  - name: ${port}
    sql: ${port}.sql
outputs:
  - port: ${port}
    from: ${port}
schedule: "0 2 * * *"
`;

  return new Map([
    ['product.odps.yaml', descriptor],
    [`${port}.odcs.yaml`, contract],
    ['pipeline.yaml', pipeline],
    [`${port}.sql`, SQL[archetype](port)],
    ['data/sample.csv', 'id,name,amount,created_at\n1,Alpha,10.50,2026-01-01\n2,Beta,20.00,2026-01-02\n'],
  ]);
}
