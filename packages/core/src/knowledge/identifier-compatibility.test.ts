/** The mesh-wide compatibility of columns bound to one identifier, on the demo and a broken copy. */
import { describe, expect, it } from 'vitest';
import { buildKnowledgeIndex } from './build-knowledge-index.js';
import { identifierCompatibility } from './identifier-compatibility.js';
import { loadDemoModel } from './test-support/demo-model.js';

describe('identifierCompatibility', () => {
  it('finds every Customer.customer_id column of the demo compatible with the glossary', () => {
    const report = identifierCompatibility(buildKnowledgeIndex(loadDemoModel()), 'Customer.customer_id');
    expect(report.expected).toEqual({ logicalType: 'string', pattern: '^C[0-9]{7}$' });
    expect(report.compatible).toBe(true);
    expect(report.domains).toEqual(['customers', 'finance', 'marketing', 'sales', 'support']);
    expect(report.columns.find((c) => c.binding.productId === 'sales.orders')).toMatchObject({
      logicalType: 'string',
      pattern: '^C[0-9]{7}$',
      compatible: true,
      reasons: [],
    });
  });

  it('says why a column is not compatible', () => {
    const model = loadDemoModel((files) => {
      const path = 'domains/sales/orders/orders.odcs.yaml';
      const text = files
        .get(path)!
        .replace(
          /(- name: customer_id\n\s+logicalType: )string([\s\S]*?)pattern: \^C\[0-9\]\{7\}\$/,
          '$1integer$2pattern: ^[0-9]+$',
        );
      files.set(path, text);
    });
    const report = identifierCompatibility(buildKnowledgeIndex(model), 'Customer.customer_id');
    expect(report.compatible).toBe(false);
    const orders = report.columns.find((c) => c.binding.productId === 'sales.orders')!;
    expect(orders.compatible).toBe(false);
    expect(orders.reasons).toEqual([
      'logicalType is integer, the glossary says string',
      'pattern is ^[0-9]+$, the glossary says ^C[0-9]{7}$',
    ]);
  });

  it('refuses a term that is not an identifier', () => {
    const index = buildKnowledgeIndex(loadDemoModel());
    expect(() => identifierCompatibility(index, 'Customer.segment')).toThrow(
      expect.objectContaining({ code: 'MW8603', message: expect.stringMatching(/attribute, not an identifier/) }),
    );
    expect(() => identifierCompatibility(index, 'Customer.nope')).toThrow(expect.objectContaining({ code: 'MW8602' }));
  });
});
