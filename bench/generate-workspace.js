// Generates a synthetic mesh workspace of N products (30-column contracts, a DAG of product
// inputs) for the benchmarks. Deterministic: the same N gives the same files.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const TYPES = [
  ['string', 'VARCHAR'],
  ['integer', 'BIGINT'],
  ['number', 'DECIMAL(12,2)'],
  ['date', 'DATE'],
  ['boolean', 'BOOLEAN'],
];

function uuid(n, salt) {
  const hex = (n * 2654435761 + salt * 40503).toString(16).padStart(12, '0').slice(-12);
  return `00000000-0000-4000-8000-${hex}`;
}

export async function generateWorkspace(root, products, { domains = 20, columns = 30 } = {}) {
  await mkdir(root, { recursive: true });
  await writeFile(
    join(root, 'mesh.yaml'),
    `apiVersion: meshwork/v1\nkind: Mesh\nname: bench\nteams:\n${Array.from({ length: domains }, (_, d) => `  - id: team-${d}\n`).join('')}`,
  );
  for (let d = 0; d < domains; d++) {
    await mkdir(join(root, 'domains', `domain-${d}`), { recursive: true });
    await writeFile(
      join(root, 'domains', `domain-${d}`, 'domain.yaml'),
      `apiVersion: meshwork/v1\nkind: Domain\nname: domain-${d}\nowner: team-${d}\n`,
    );
  }
  const writes = [];
  for (let i = 0; i < products; i++) {
    const d = i % domains;
    const name = `product-${i}`;
    const dir = join(root, 'domains', `domain-${d}`, name);
    const port = `port_${i}`;
    const upstream = i > 10 && i % 3 === 0 ? (i * 7919 + 13) % i : undefined;
    const cols = Array.from({ length: columns }, (_, c) => {
      const [logical, physical] = TYPES[(i + c) % TYPES.length];
      return `      - name: column_${c}
        logicalType: ${logical}
        physicalType: ${physical}
        required: ${c === 0}
        unique: ${c === 0}
        primaryKey: ${c === 0}
        classification: ${c % 7 === 3 ? 'restricted' : 'internal'}
        description: Column ${c} of product ${i}.`;
    }).join('\n');
    const files = {
      'product.odps.yaml': `apiVersion: v1.0.0
kind: DataProduct
id: ${uuid(i, 1)}
name: Product ${i}
version: 1.${i % 10}.0
status: active
domain: domain-${d}
description:
  purpose: Synthetic product ${i} for benchmarks.
  usage: Benchmarks only.
tags: [bench, domain-${d}]
customProperties:
  - property: archetype
    value: ${upstream === undefined ? 'source-aligned' : 'aggregate'}
team:
  name: team-${d}
${upstream === undefined ? '' : `inputPorts:\n  - name: raw\n    version: 1.0.0\n    contractId: ${uuid(upstream, 2)}\n`}outputPorts:
  - name: ${port}
    type: tables
    version: 1.0.0
    contractId: ${uuid(i, 2)}
`,
      [`${port}.odcs.yaml`]: `apiVersion: v3.1.0
kind: DataContract
id: ${uuid(i, 2)}
name: ${port}
version: 1.0.0
status: active
domain: domain-${d}
dataProduct: ${name}
schema:
  - name: ${port}
    physicalName: ${port}
    physicalType: table
    logicalType: object
    properties:
${cols}
    quality:
      - type: library
        metric: rowCount
        mustBeGreaterThan: 0
slaProperties:
  - property: frequency
    value: 1
    unit: d
`,
      'pipeline.yaml': `apiVersion: meshwork/v1
kind: Pipeline
inputs:
${
  upstream === undefined
    ? `  - name: raw\n    kind: file\n    path: data/*.csv\n    format: csv\n`
    : `  - name: raw\n    kind: product\n    product: domain-${upstream % domains}.product-${upstream}\n    port: port_${upstream}\n    majorVersion: 1\n`
}steps:
  - name: build
    sql: build.sql
outputs:
  - port: ${port}
    from: build
`,
      'build.sql': 'SELECT * FROM raw\n',
    };
    writes.push(
      (async () => {
        await mkdir(dir, { recursive: true });
        await Promise.all(Object.entries(files).map(([f, text]) => writeFile(join(dir, f), text)));
      })(),
    );
    if (writes.length >= 200) await Promise.all(writes.splice(0));
  }
  await Promise.all(writes);
}
