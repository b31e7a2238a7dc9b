/** Join paths on the demo mesh: direct, multi-hop, ambiguous, none, and bad input. */
import { describe, expect, it } from 'vitest';
import { buildKnowledgeIndex } from './build-knowledge-index.js';
import { joinPaths } from './join-paths.js';
import { loadDemoModel } from './test-support/demo-model.js';

const index = buildKnowledgeIndex(loadDemoModel());

describe('joinPaths', () => {
  it('joins sales.orders to customers.customer-profile directly on the customer key, first', () => {
    const result = joinPaths(index, 'sales.orders', 'customers.customer-profile');
    const best = result.paths[0]!;
    expect(best.hops).toBe(1);
    expect(best.sql).toBe('sales.orders o JOIN customers.customer_profile cp ON o.customer_id = cp.customer_id');
    expect(best.steps[0]).toMatchObject({ term: 'Customer.customer_id', quality: 'key-to-foreign', compatible: true });
    expect(result.ambiguous).toBe(false);
    expect(result.paths.every((p, i) => i === 0 || p.hops >= result.paths[i - 1]!.hops)).toBe(true);
  });

  it('finds marketing.campaign-attribution → finance.revenue-by-segment through Customer and reports the tie', () => {
    const result = joinPaths(index, 'marketing.campaign-attribution', 'finance.revenue-by-segment', { maxHops: 3 });
    const best = result.paths[0]!;
    expect(best.hops).toBe(2);
    expect(best.steps.map((s) => s.term)).toEqual(['Customer.customer_id', 'Customer.segment']);
    expect(best.steps[1]!.quality).toBe('attribute');
    expect(best.notes.join(' ')).toMatch(/aggregate to that grain/);
    expect(result.paths.map((p) => p.sql)).toContain(
      'marketing.campaign_attribution ca JOIN customers.customer_profile cp ON ca.customer_id = cp.customer_id JOIN finance.revenue_by_segment rbs ON cp.segment = rbs.segment',
    );
    // customer-360 and customer-profile both carry customer_id and segment: reported, not guessed.
    expect(result.ambiguous).toBe(true);
    expect(result.explanation).toMatch(/2 paths rank first/);
  });

  it('keeps within maxHops and skips intermediates the caller may not see', () => {
    const one = joinPaths(index, 'marketing.campaign-attribution', 'finance.revenue-by-segment', { maxHops: 1 });
    expect(one.paths).toEqual([]);
    expect(one.explanation).toMatch(/no path of at most 1 joins/);
    const hidden = joinPaths(index, 'marketing.campaign-attribution', 'finance.revenue-by-segment', {
      visible: (id) => id !== 'customers.customer-360' && id !== 'support.churn-risk',
    });
    expect(hidden.paths.some((p) => p.products.includes('customers.customer-360'))).toBe(false);
    expect(hidden.ambiguous).toBe(false);
  });

  it('explains an empty result for a product without bound identifiers', () => {
    const unbound = [...index.model.products.keys()].find((id) => !index.joinable.has(id));
    if (unbound === undefined) return;
    const result = joinPaths(index, unbound, 'sales.orders');
    expect(result.paths).toEqual([]);
    expect(result.explanation).toMatch(/no column bound to a glossary identifier/);
  });

  it('rejects unknown products and bad bounds with stable codes naming the parameter', () => {
    expect(() => joinPaths(index, 'sales.order', 'customers.customer-profile')).toThrow(
      expect.objectContaining({ code: 'MW8604', message: expect.stringMatching(/change "from".*sales\.orders/) }),
    );
    expect(() => joinPaths(index, 'sales.orders', 'nope.nope')).toThrow(
      expect.objectContaining({ code: 'MW8604', message: expect.stringMatching(/change "to"/) }),
    );
    expect(() =>
      joinPaths(index, 'sales.orders', 'customers.customer-profile', { visible: (id) => id !== 'sales.orders' }),
    ).toThrow(expect.objectContaining({ code: 'MW8604' }));
    expect(() => joinPaths(index, 'sales.orders', 'finance.invoices', { maxHops: 9 })).toThrow(
      expect.objectContaining({ code: 'MW8605', kind: 'input' }),
    );
  });
});
