/**
 * The order PostgreSQL tables are loaded in on restore: every table after the tables its
 * foreign keys reference, ties by name so the order is stable. Tables are discovered from the
 * database, not listed here, so migrations added later are backed up without a change.
 */
export interface ForeignKeyEdge {
  readonly table: string;
  readonly references: string;
}

export function tableLoadOrder(tables: readonly string[], edges: readonly ForeignKeyEdge[]): string[] {
  const parents = new Map(tables.map((table) => [table, new Set<string>()]));
  for (const { table, references } of edges) {
    if (table !== references && parents.has(references)) parents.get(table)?.add(references);
  }
  const order: string[] = [];
  const loaded = new Set<string>();
  const remaining = [...tables].sort();
  while (remaining.length > 0) {
    const index = remaining.findIndex((table) => [...parents.get(table)!].every((parent) => loaded.has(parent)));
    if (index < 0) throw new Error(`foreign keys form a cycle among ${remaining.join(', ')}`);
    const [next] = remaining.splice(index, 1);
    order.push(next!);
    loaded.add(next!);
  }
  return order;
}
