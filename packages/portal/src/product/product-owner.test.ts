import { describe, expect, it } from 'vitest';
import { productOwner } from './product-owner.js';

describe('productOwner', () => {
  it('names the owning team and the members whose role is owner', () => {
    const descriptor = {
      team: {
        name: 'sales-data',
        members: [
          { username: 'olga', name: 'Olga Petrova', role: 'owner' },
          { username: 'raj', name: 'Raj Mehta', role: 'data engineer' },
          { username: 'kim', role: 'owner' },
          { role: 'owner' },
          'odd',
        ],
      },
    };
    expect(productOwner('sales-data', descriptor)).toEqual({
      team: 'sales-data',
      owners: ['Olga Petrova (olga)', 'kim'],
      members: [
        { name: 'Olga Petrova (olga)', role: 'owner' },
        { name: 'Raj Mehta (raj)', role: 'data engineer' },
        { name: 'kim', role: 'owner' },
      ],
    });
  });

  it('has no people when the descriptor names none', () => {
    for (const descriptor of [null, {}, { team: 'x' }, { team: { members: {} } }]) {
      expect(productOwner(null, descriptor)).toEqual({ team: null, owners: [], members: [] });
    }
  });
});
