/** Codes of the lineage graph, impact analysis and their API and commands (MW8820–MW8849). */
export const LINEAGE_CODES = {
  MW8820: {
    title: 'Unknown lineage node',
    fix: 'Name a product (`sales.orders`), an output port (`sales.orders.orders`, `…orders@2` or `…orders_v2`), a column (`sales.orders.orders.amount`) or an external dataset (`<namespace>/<name>`); `mesh lineage <product>` lists the nodes around it.',
  },
  MW8821: {
    title: 'Unknown output port in a lineage reference',
    fix: 'Use one of the output ports the message lists, optionally with its major version (`orders@2` or `orders_v2`).',
  },
  MW8822: {
    title: 'Unknown column in a lineage reference',
    fix: 'Use a column of the port’s contract (or one its lineage recorded); the message lists the closest names.',
  },
  MW8823: {
    title: 'Invalid lineage query',
    fix: 'Pass direction upstream, downstream or both, a depth from 1 to 50 and columns true or false.',
  },
  MW8824: {
    title: 'Accepted lineage events are for administrators',
    fix: 'Ask a mesh administrator (role `admin`) to list them, or use a token with the `admin` scope.',
  },
} as const satisfies Record<string, { readonly title: string; readonly fix: string }>;

export type LineageCode = keyof typeof LINEAGE_CODES;
