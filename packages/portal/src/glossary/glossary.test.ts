import { describe, expect, it } from 'vitest';
import { matchesEntity } from './entity-filter.js';
import { joinRequestFrom, joinSearch } from './join-params.js';

describe('the join-path question in the URL', () => {
  it('needs both ends and keeps hops within 1..5 (3 by default)', () => {
    expect(joinRequestFrom(new URLSearchParams('from=a.b'))).toBeUndefined();
    expect(joinRequestFrom(new URLSearchParams('from=a.b&to=c.d'))).toEqual({ from: 'a.b', to: 'c.d', maxHops: 3 });
    expect(joinRequestFrom(new URLSearchParams('from=a.b&to=c.d&hops=9'))?.maxHops).toBe(3);
    expect(joinRequestFrom(new URLSearchParams('from=a.b&to=c.d&hops=2'))?.maxHops).toBe(2);
  });

  it('writes it back so that it reads the same', () => {
    const request = { from: 'customers.customer-profile', to: 'support.tickets', maxHops: 2 };
    expect(joinSearch(request)).toBe('?from=customers.customer-profile&to=support.tickets&hops=2');
    expect(joinRequestFrom(new URLSearchParams(joinSearch(request)))).toEqual(request);
    expect(joinSearch({ ...request, maxHops: 3 })).not.toContain('hops');
  });
});

describe('matchesEntity', () => {
  const customer = { name: 'Customer', synonyms: ['client', 'account holder'], description: 'A person or company' };
  it('finds an entity by name, synonym or description, every word', () => {
    expect(matchesEntity(customer, 'cust')).toBe(true);
    expect(matchesEntity(customer, 'Account  HOLDER')).toBe(true);
    expect(matchesEntity(customer, 'company person')).toBe(true);
    expect(matchesEntity(customer, 'invoice')).toBe(false);
    expect(matchesEntity(customer, '')).toBe(true);
  });
});
