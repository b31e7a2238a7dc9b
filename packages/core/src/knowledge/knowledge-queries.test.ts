/** Which products describe an entity, which columns are bound to a term: on the demo mesh. */
import { describe, expect, it } from 'vitest';
import { buildKnowledgeIndex } from './build-knowledge-index.js';
import { columnsBoundTo, productsDescribing } from './knowledge-queries.js';
import { loadDemoModel } from './test-support/demo-model.js';

const index = buildKnowledgeIndex(loadDemoModel());

describe('productsDescribing', () => {
  it('answers "which products describe Customer?" with the products about it first', () => {
    const products = productsDescribing(index, 'Customer');
    const roles = Object.fromEntries(products.map((p) => [p.productId, p.role]));
    expect(roles['customers.customer-profile']).toBe('about');
    expect(roles['customers.customer-360']).toBe('about');
    expect(roles['sales.orders']).toBe('references');
    expect(roles['marketing.campaign-attribution']).toBe('references');
    expect(roles['finance.revenue-by-segment']).toBe('mentions');
    const order = { about: 0, references: 1, mentions: 2 };
    expect(products.map((p) => order[p.role])).toEqual(products.map((p) => order[p.role]).sort());
    const profile = products.find((p) => p.productId === 'customers.customer-profile')!;
    expect(profile.columns.map((c) => c.term)).toEqual(['Customer.customer_id', 'Customer.segment']);
    expect(profile.columns[0]!.relation).toBe('customers.customer_profile');
  });

  it('hides products the caller may not discover', () => {
    const products = productsDescribing(index, 'Customer', { visible: (id) => !id.startsWith('sales.') });
    expect(products.some((p) => p.domain === 'sales')).toBe(false);
    expect(products.length).toBeGreaterThan(3);
  });

  it('names the unknown entity with a stable code and the closest names', () => {
    expect(() => productsDescribing(index, 'Custmer')).toThrow(/MW8601|no glossary entity "Custmer".*Customer/);
    try {
      productsDescribing(index, 'Customers');
    } catch (error) {
      expect((error as { code: string }).code).toBe('MW8601');
      expect((error as Error).message).toContain('did you mean Customer');
    }
  });
});

describe('columnsBoundTo', () => {
  it('lists every column bound to Order.order_id across domains', () => {
    const columns = columnsBoundTo(index, 'Order.order_id');
    const domains = new Set(columns.map((c) => c.domain));
    expect([...domains].sort()).toEqual(['finance', 'logistics', 'marketing', 'sales', 'support']);
    expect(columns.find((c) => c.productId === 'sales.orders')).toMatchObject({ primaryKey: true, kind: 'identifier' });
  });

  it('accepts terms and metrics, and rejects unknown or malformed ones', () => {
    expect(columnsBoundTo(index, 'CustomerLifetimeValue').length).toBeGreaterThan(0);
    expect(() => columnsBoundTo(index, 'Customer.customer_nr')).toThrow(/no glossary term "Customer.customer_nr"/);
    expect(() => columnsBoundTo(index, 'not a term')).toThrow(
      expect.objectContaining({ code: 'MW8602', kind: 'input' }),
    );
    expect(() => columnsBoundTo(index, 'Customer.customer_nr')).toThrow(expect.objectContaining({ kind: 'not-found' }));
  });
});
