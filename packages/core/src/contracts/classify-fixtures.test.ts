import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { readStandard, standardFiles, standardsDir } from '../../../../test-support/standards.js';
import { overallSeverity } from './change-severity.js';
import { classifyContractChange } from './classify-contract-change.js';
import { expectWellFormed } from './test-support/change-cases.js';

const domains = new URL('../../../../examples/demo-mesh/domains/', import.meta.url);
const demo = (path: string): object => parse(readFileSync(new URL(path, domains), 'utf8')) as object;
const demoContracts = readdirSync(domains, { recursive: true })
  .map(String)
  .filter((path) => path.endsWith('.odcs.yaml'))
  .sort();

describe('the demo mesh', () => {
  it('classifies sales.orders v1 to v2 as the breaking change that made it a new major version', () => {
    const [v1, v2] = [demo('sales/orders/orders-v1.odcs.yaml'), demo('sales/orders/orders.odcs.yaml')];
    const changes = classifyContractChange(v1, v2);
    expect(overallSeverity(changes)).toBe('breaking');
    // The v2 descriptions say which columns replace which ("Replaces v1 country_code").
    expect(changes.filter((c) => c.kind === 'column-renamed').map((c) => [c.before, c.after])).toEqual([
      ['order_date', 'ordered_at'],
      ['country_code', 'shipping_country'],
      ['total_amount', 'gross_amount'],
    ]);
    expect(changes).toContainEqual(
      expect.objectContaining({
        kind: 'logical-type-incompatible',
        column: 'ordered_at',
        before: 'date',
        after: 'timestamp',
      }),
    );
    expect(changes.filter((c) => c.kind === 'required-column-added').map((c) => c.column)).toEqual([
      'net_amount',
      'discount_amount',
      'shipping_fee',
      'tax_amount',
      'updated_at',
    ]);
    for (const change of changes) expectWellFormed(change, v1, v2);
  });

  it.each(demoContracts)('finds no change between %s and itself', (path) => {
    expect(classifyContractChange(demo(path), demo(path))).toEqual([]);
  });
});

describe.skipIf(!standardsDir)('the official ODCS examples', () => {
  const files = [
    ...standardFiles('odcs/examples', /\.odcs\.yaml$/),
    ...standardFiles('odcs/v3.2.0-draft/examples', /\.odcs\.yaml$/),
  ];
  const examples = files.map((file) => ({ file, doc: parse(readStandard(file)) as object }));

  it.each(files)('%s has no change against a copy of itself', (file) => {
    const doc = examples.find((e) => e.file === file)!.doc;
    expect(classifyContractChange(doc, structuredClone(doc))).toEqual([]);
  });

  it('classifies every pair of examples with well-formed changes', () => {
    for (const before of examples) {
      for (const after of examples) {
        for (const change of classifyContractChange(before.doc, after.doc))
          expectWellFormed(change, before.doc, after.doc);
      }
    }
  });
});
