/** Metric planning on the demo mesh: plans, SQL shape, and an error for each bad input. */
import { describe, expect, it } from 'vitest';
import { buildKnowledgeIndex } from '../knowledge/build-knowledge-index.js';
import { loadDemoModel } from '../knowledge/test-support/demo-model.js';
import type { GlossaryMetric } from '../glossary/glossary-types.js';
import type { MeshModel } from '../model/model-types.js';
import { readMetric } from '../glossary/read-metric.js';
import { findMetric, listMetrics, planMetric } from './plan-metric.js';

const model = loadDemoModel();
const index = buildKnowledgeIndex(model);

/** The demo model with one more metric, read from YAML-shaped input. */
function withMetric(raw: Record<string, unknown>) {
  const metric: GlossaryMetric = readMetric(String(raw.name), raw, 'glossary/test.yaml');
  const metrics = new Map(model.glossary.metrics).set(metric.name, metric);
  const changed: MeshModel = { ...model, glossary: { ...model.glossary, metrics } };
  return buildKnowledgeIndex(changed);
}

const codeOf = (run: () => unknown): string | undefined => {
  try {
    run();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
};

describe('listMetrics / findMetric', () => {
  it('lists the demo metrics as plannable and finds them by name, kebab-case or synonym', () => {
    expect(listMetrics(index).map((m) => [m.name, m.plannable])).toEqual([
      ['ChurnRate', true],
      ['CustomerLifetimeValue', true],
    ]);
    expect(findMetric(index, 'customer-lifetime-value').name).toBe('CustomerLifetimeValue');
    expect(findMetric(index, 'clv').name).toBe('CustomerLifetimeValue');
    expect(listMetrics(index)[1]!.measure).toBe('avg(sum(sales.orders.orders.gross_amount) per Customer)');
  });
});

describe('planMetric', () => {
  it('plans CLV by segment across sales, customers and finance', () => {
    const plan = planMetric(index, { metric: 'customer-lifetime-value', by: ['segment'] });
    expect(plan.products).toEqual(['customers.customer-360', 'finance.invoices', 'sales.orders']);
    expect(plan.grainIdentifier).toBe('Customer.customer_id');
    expect(plan.measure).toMatchObject({
      relation: 'sales.orders',
      column: 'gross_amount',
      aggregate: 'sum',
      rollup: 'avg',
    });
    expect(plan.dimensions[0]).toMatchObject({
      term: 'Customer.segment',
      name: 'segment',
      productId: 'customers.customer-360',
      joins: [
        {
          term: 'Customer.customer_id',
          left: 'sales.orders.customer_id',
          right: 'customers.customer_360.customer_id',
          quality: 'key-to-foreign',
        },
      ],
    });
    expect(plan.filters.map((f) => [f.productId, f.applies])).toEqual([
      ['sales.orders', 'rows'],
      ['finance.invoices', 'grain'],
    ]);
    expect(plan.columns).toEqual(['segment', 'customer_lifetime_value', 'customer_count']);
    expect(plan.sql).toBe(
      [
        'WITH per_customer AS (',
        '  SELECT m.customer_id, sum(m.gross_amount) AS customer_lifetime_value',
        '  FROM sales.orders m',
        "  WHERE m.status NOT IN ('cancelled', 'returned')",
        "    AND m.customer_id IN (SELECT f2.customer_id FROM finance.invoices f2 WHERE f2.status IN ('paid'))",
        '  GROUP BY m.customer_id',
        '),',
        'by_dimensions AS (',
        '  SELECT DISTINCT g.customer_id, g.customer_lifetime_value, d1.segment AS segment',
        '  FROM per_customer g',
        '  JOIN customers.customer_360 d1 ON g.customer_id = d1.customer_id',
        ')',
        'SELECT segment, avg(customer_lifetime_value) AS customer_lifetime_value, count(*) AS customer_count',
        'FROM by_dimensions',
        'GROUP BY segment',
        'ORDER BY segment',
      ].join('\n'),
    );
    expect(plan.explanation.join('\n')).toMatch(/filter from finance\.invoices.*Customer\.customer_id/);
    expect(plan.explanation.join('\n')).toMatch(/sales\.orders\.customer_id = customers\.customer_360\.customer_id/);
  });

  it('plans the total without dimensions', () => {
    const plan = planMetric(index, { metric: 'CustomerLifetimeValue' });
    expect(plan.sql).toMatch(
      /SELECT avg\(customer_lifetime_value\) AS customer_lifetime_value, count\(\*\) AS customer_count\nFROM per_customer$/,
    );
  });

  it('plans churn rate in one step, in one product', () => {
    const plan = planMetric(index, { metric: 'ChurnRate', by: ['Customer.segment'] });
    expect(plan.products).toEqual(['customers.customer-360']);
    expect(plan.dimensions[0]!.joins).toEqual([]);
    expect(plan.sql).toBe(
      [
        'SELECT m.segment AS segment, avg(CASE WHEN m.is_active_customer = FALSE THEN 1.0 ELSE 0.0 END) AS churn_rate, count(DISTINCT m.customer_id) AS customer_count',
        'FROM customers.customer_360 m',
        'WHERE m.order_count NOT IN (0)',
        'GROUP BY 1',
        'ORDER BY 1',
      ].join('\n'),
    );
  });

  it('reports an ambiguous dimension source with the options, and --via picks one', () => {
    const idx = withMetric({
      name: 'OrderRevenue',
      description: 'Gross revenue of orders.',
      measure: { aggregate: 'sum', of: 'sales.orders.orders.gross_amount' },
      grain: 'Customer',
      dimensions: ['Customer.segment'],
    });
    let message = '';
    try {
      planMetric(idx, { metric: 'OrderRevenue', by: ['segment'] });
    } catch (error) {
      expect((error as { code: string }).code).toBe('MW8614');
      message = (error as Error).message;
    }
    expect(message).toMatch(/customers\.customer-360/);
    expect(message).toMatch(/customers\.customer-profile/);
    expect(message).toMatch(/--via/);
    const plan = planMetric(idx, { metric: 'OrderRevenue', by: ['segment'], via: ['customers.customer-profile'] });
    expect(plan.dimensions[0]!.productId).toBe('customers.customer-profile');
    expect(plan.sql).toContain('JOIN customers.customer_profile d1 ON m.customer_id = d1.customer_id');
    expect(plan.sql).toContain('GROUP BY 1');
  });

  it('fails with a stable code for each bad input', () => {
    expect(codeOf(() => planMetric(index, { metric: 'CustomerLifetimeValu' }))).toBe('MW8611');
    expect(codeOf(() => planMetric(index, { metric: 'CLV', by: ['colour'] }))).toBe('MW8612');
    expect(codeOf(() => planMetric(index, { metric: 'CLV', by: ['segment'], via: ['sales.nope'] }))).toBe('MW8616');
    // Campaign.channel is bound by no product: nothing to join to.
    const channel = withMetric({
      name: 'Revenue',
      description: 'Gross revenue.',
      measure: { aggregate: 'sum', of: 'sales.orders.orders.gross_amount', rollup: 'sum' },
      grain: 'Customer',
      dimensions: ['Campaign.channel', 'Warehouse.warehouse_id'],
    });
    expect(codeOf(() => planMetric(channel, { metric: 'Revenue', by: ['channel'] }))).toBe('MW8613');
    // Warehouses are bound, but only through products the caller may not see.
    const visible = (id: string) => ['sales.orders', 'logistics.warehouses'].includes(id);
    expect(codeOf(() => planMetric(channel, { metric: 'Revenue', by: ['warehouse_id'] }, { visible }))).toBe('MW8613');
    expect(
      planMetric(channel, { metric: 'Revenue', by: ['warehouse_id'] }).dimensions[0]!.joins.length,
    ).toBeGreaterThan(1);
    const text = withMetric({ name: 'Old', description: 'x', measure: 'sum(Order.gross_amount)', grain: 'Customer' });
    expect(codeOf(() => planMetric(text, { metric: 'Old' }))).toBe('MW8615');
    const badColumn = withMetric({
      name: 'Bad',
      description: 'x',
      measure: { aggregate: 'sum', of: 'sales.orders.orders.gross' },
      grain: 'Customer',
    });
    expect(codeOf(() => planMetric(badColumn, { metric: 'Bad' }))).toBe('MW8615');
    const noGrain = withMetric({
      name: 'StockValue',
      description: 'x',
      measure: { aggregate: 'sum', of: 'logistics.warehouses.warehouses.capacity_units', rollup: 'avg' },
      grain: 'Customer',
    });
    expect(codeOf(() => planMetric(noGrain, { metric: 'StockValue' }))).toBe('MW8613');
  });

  it('keeps hidden products out of the plan', () => {
    const visible = (id: string) => id !== 'finance.invoices';
    expect(codeOf(() => planMetric(index, { metric: 'CLV', by: ['segment'] }, { visible }))).toBe('MW8615');
  });
});
