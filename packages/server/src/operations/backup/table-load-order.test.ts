import { describe, expect, it } from 'vitest';
import { tableLoadOrder } from './table-load-order.js';

describe('table load order', () => {
  it('puts referenced tables first, ties by name, ignoring self references and unknown tables', () => {
    expect(
      tableLoadOrder(
        ['runs', 'audit_events', 'products', 'user_teams', 'users', 'descriptor_versions'],
        [
          { table: 'runs', references: 'products' },
          { table: 'descriptor_versions', references: 'products' },
          { table: 'user_teams', references: 'users' },
          { table: 'users', references: 'users' },
          { table: 'products', references: 'somewhere_else' },
        ],
      ),
    ).toEqual(['audit_events', 'products', 'descriptor_versions', 'runs', 'users', 'user_teams']);
  });

  it('refuses a cycle', () => {
    expect(() =>
      tableLoadOrder(
        ['a', 'b'],
        [
          { table: 'a', references: 'b' },
          { table: 'b', references: 'a' },
        ],
      ),
    ).toThrow('foreign keys form a cycle among a, b');
  });
});
