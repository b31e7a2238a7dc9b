/**
 * The extractor over every construct it handles, one named case each: real DuckDB parse trees,
 * exact sources and transforms per output column, exact row dependencies, exact gaps.
 */
import { describe, expect, it } from 'vitest';
import { compact, lineageOf } from './test-support/lineage-test-support.js';

const RELATIONS = {
  orders: ['order_id', 'customer_id', 'status', 'amount', 'ordered_at', 'items', 'address'],
  customers: ['customer_id', 'name', 'email', 'country', 'segment'],
  tickets: ['ticket_id', 'customer_id', 'opened_at', 'score'],
};

interface Case {
  readonly name: string;
  readonly sql: string;
  /** Output columns in order, each with its sources as `relation.column:transform`. */
  readonly columns: Readonly<Record<string, readonly string[]>>;
  /** Row dependencies of the statement (default: none). */
  readonly rows?: readonly string[];
  /** Columns expected to be unresolved, with what the reason says. */
  readonly unresolved?: Readonly<Record<string, RegExp>>;
  /** Statement-level gaps, one pattern each (default: none). */
  readonly gaps?: readonly RegExp[];
  readonly reads?: readonly string[];
  /** The real output names, as the server passes them from the step's view. */
  readonly outputColumns?: readonly string[];
}

const CASES: readonly Case[] = [
  // Select lists and value transforms
  {
    name: 'a bare column is direct',
    sql: 'SELECT order_id FROM orders',
    columns: { order_id: ['orders.order_id:direct'] },
    reads: ['orders'],
  },
  {
    name: 'a column alias and a table alias',
    sql: 'SELECT o.amount AS total FROM orders AS o',
    columns: { total: ['orders.amount:direct'] },
  },
  {
    name: 'a cast alone is an expression',
    sql: 'SELECT CAST(amount AS DOUBLE) AS amount, order_id::VARCHAR AS id FROM orders',
    columns: { amount: ['orders.amount:expression'], id: ['orders.order_id:expression'] },
  },
  {
    name: 'coalesce and arithmetic are expressions',
    sql: 'SELECT coalesce(amount, 0) * 2 AS doubled FROM orders',
    columns: { doubled: ['orders.amount:expression'] },
  },
  {
    name: 'string functions and concatenation are expressions of every column they read',
    sql: "SELECT upper(name) || ' <' || email || '>' AS label FROM customers",
    columns: { label: ['customers.email:expression', 'customers.name:expression'] },
  },
  {
    name: 'constants and current_date have no sources',
    sql: "SELECT 1 AS one, 'x' AS tag, current_date AS today, getvariable('run_date') AS run FROM orders",
    columns: { one: [], tag: [], today: [], run: [] },
    reads: ['orders'],
  },
  {
    name: 'a comparison in the select list is an expression',
    sql: 'SELECT amount > 100 AS big FROM orders',
    columns: { big: ['orders.amount:expression'] },
  },
  {
    name: 'names match case-insensitively and keep the relation’s spelling',
    sql: 'SELECT Amount AS a FROM ORDERS',
    columns: { a: ['orders.amount:direct'] },
    reads: ['orders'],
  },
  {
    name: 'a later item reads an earlier alias',
    sql: 'SELECT amount * 2 AS doubled, doubled + 1 AS plus_one FROM orders',
    columns: { doubled: ['orders.amount:expression'], plus_one: ['orders.amount:expression'] },
  },
  {
    name: 'the server’s output names replace derived names',
    sql: 'SELECT amount + 1, order_id FROM orders',
    outputColumns: ['(amount + 1)', 'order_id'],
    columns: { '(amount + 1)': ['orders.amount:expression'], order_id: ['orders.order_id:direct'] },
  },
  // Stars
  {
    name: '* expands to every column in order',
    sql: 'SELECT * FROM customers',
    columns: {
      customer_id: ['customers.customer_id:direct'],
      name: ['customers.name:direct'],
      email: ['customers.email:direct'],
      country: ['customers.country:direct'],
      segment: ['customers.segment:direct'],
    },
  },
  {
    name: 't.* takes one side of a join',
    sql: 'SELECT t.*, c.name FROM tickets t JOIN customers c ON c.customer_id = t.customer_id',
    columns: {
      ticket_id: ['tickets.ticket_id:direct'],
      customer_id: ['tickets.customer_id:direct'],
      opened_at: ['tickets.opened_at:direct'],
      score: ['tickets.score:direct'],
      name: ['customers.name:direct'],
    },
    rows: ['customers.customer_id:join', 'tickets.customer_id:join'],
  },
  {
    name: '* EXCLUDE leaves columns out',
    sql: 'SELECT * EXCLUDE (email, segment) FROM customers',
    columns: {
      customer_id: ['customers.customer_id:direct'],
      name: ['customers.name:direct'],
      country: ['customers.country:direct'],
    },
  },
  {
    name: '* REPLACE recomputes a column in place',
    sql: 'SELECT * REPLACE (upper(name) AS name) FROM customers',
    columns: {
      customer_id: ['customers.customer_id:direct'],
      name: ['customers.name:expression'],
      email: ['customers.email:direct'],
      country: ['customers.country:direct'],
      segment: ['customers.segment:direct'],
    },
  },
  {
    name: '* RENAME renames in place',
    sql: 'SELECT * EXCLUDE (email, country, segment) RENAME (name AS full_name) FROM customers',
    columns: { customer_id: ['customers.customer_id:direct'], full_name: ['customers.name:direct'] },
  },
  {
    name: 'COLUMNS() with a pattern is a dynamic selection: a gap, the other columns resolved',
    sql: "SELECT customer_id, COLUMNS('e.*') FROM customers",
    columns: { customer_id: ['customers.customer_id:direct'] },
    gaps: [/COLUMNS/],
  },
  {
    name: 'the real output columns place what a dynamic selection produced, unresolved',
    sql: "SELECT customer_id, COLUMNS('e.*'), country FROM customers",
    outputColumns: ['customer_id', 'email', 'country'],
    columns: { customer_id: ['customers.customer_id:direct'], email: [], country: ['customers.country:direct'] },
    unresolved: { email: /COLUMNS/ },
  },
  {
    name: '* LIKE is a dynamic selection',
    sql: "SELECT * LIKE 'c%' FROM customers",
    columns: {},
    gaps: [/COLUMNS|star pattern/],
  },
  // Name resolution
  {
    name: 'unqualified names resolve through the joined relations',
    sql: 'SELECT name, amount FROM customers JOIN orders USING (customer_id)',
    columns: { name: ['customers.name:direct'], amount: ['orders.amount:direct'] },
    rows: ['customers.customer_id:join', 'orders.customer_id:join'],
  },
  {
    name: 'an ambiguous name is unresolved with both candidates',
    sql: 'SELECT status, customer_id FROM orders o JOIN tickets t ON t.customer_id = o.customer_id',
    columns: { status: ['orders.status:direct'], customer_id: [] },
    unresolved: { customer_id: /ambiguous \(o\.customer_id, t\.customer_id\)/ },
    rows: ['orders.customer_id:join', 'tickets.customer_id:join'],
  },
  {
    name: 'an unknown column is unresolved',
    sql: 'SELECT order_id, nope FROM orders',
    columns: { order_id: ['orders.order_id:direct'], nope: [] },
    unresolved: { nope: /column "nope" is not in any relation/ },
  },
  {
    name: 'an unknown relation is a gap, and so is every column read from it',
    sql: 'SELECT x FROM elsewhere',
    columns: { x: [] },
    unresolved: { x: /"elsewhere", whose columns are unknown/ },
    gaps: [/"elsewhere" is not an input or an earlier step/],
    reads: [],
  },
  {
    name: 'read_parquet() reads files directly',
    sql: "SELECT * FROM read_parquet('data/x.parquet')",
    columns: {},
    gaps: [/reads files directly \(read_parquet\('data\/x\.parquet'\)\)/],
  },
  {
    name: 'a file named in FROM reads files directly',
    sql: "SELECT a FROM 'data/x.csv'",
    columns: { a: [] },
    unresolved: { a: /reads files directly/ },
    gaps: [/reads files directly \('data\/x\.csv'\)/],
  },
  {
    name: 'query() runs SQL text given at run time',
    sql: "SELECT * FROM query('SELECT 1')",
    columns: {},
    gaps: [/runs SQL text/],
  },
  {
    name: 'a struct field is an expression of the struct column',
    sql: 'SELECT address.city AS city, o.address.zip AS zip FROM orders o',
    columns: { city: ['orders.address:expression'], zip: ['orders.address:expression'] },
  },
  // FROM: subqueries, CTEs, joins
  {
    name: 'a subquery in FROM carries its lineage and its grouping',
    sql: 'SELECT s.total FROM (SELECT customer_id, sum(amount) AS total FROM orders GROUP BY customer_id) AS s',
    columns: { total: ['orders.amount:aggregate'] },
    rows: ['orders.customer_id:group'],
  },
  {
    name: 'CTEs read earlier CTEs; their filters carry over',
    sql: "WITH paid AS (SELECT * FROM orders WHERE status = 'paid'), big AS (SELECT order_id, amount * 1.2 AS gross FROM paid) SELECT gross FROM big",
    columns: { gross: ['orders.amount:expression'] },
    rows: ['orders.status:filter'],
  },
  {
    name: 'a CTE named like an input reads the input in its own body',
    sql: 'WITH orders AS (SELECT order_id, amount + 1 AS amount FROM orders) SELECT amount FROM orders',
    columns: { amount: ['orders.amount:expression'] },
    reads: ['orders'],
  },
  {
    name: 'a CTE nobody reads adds no reads, rows or gaps',
    sql: "WITH unused AS (SELECT * FROM tickets WHERE score > 1), broken AS (SELECT * FROM 'x.csv') SELECT order_id FROM orders",
    columns: { order_id: ['orders.order_id:direct'] },
    reads: ['orders'],
  },
  {
    name: 'CTE column aliases rename its columns',
    sql: 'WITH t(id, v) AS (SELECT order_id, amount FROM orders) SELECT v FROM t',
    columns: { v: ['orders.amount:direct'] },
  },
  {
    name: 'a recursive CTE resolves to a fixed point',
    sql: 'WITH RECURSIVE chain(id, depth) AS (SELECT order_id, 0 FROM orders UNION ALL SELECT id, depth + 1 FROM chain WHERE depth < 3) SELECT id, depth FROM chain',
    columns: { id: ['orders.order_id:direct'], depth: [] },
  },
  {
    name: 'ON keys and extra join predicates are join dependencies',
    sql: "SELECT c.name, o.amount FROM customers c LEFT JOIN orders o ON o.customer_id = c.customer_id AND o.status <> 'void'",
    columns: { name: ['customers.name:direct'], amount: ['orders.amount:direct'] },
    rows: ['customers.customer_id:join', 'orders.customer_id:join', 'orders.status:join'],
  },
  {
    name: 'a USING column is the left side’s key',
    sql: 'SELECT customer_id FROM customers JOIN orders USING (customer_id)',
    columns: { customer_id: ['customers.customer_id:direct'] },
    rows: ['customers.customer_id:join', 'orders.customer_id:join'],
  },
  {
    name: 'a FULL JOIN USING column coalesces both keys',
    sql: 'SELECT customer_id FROM customers FULL JOIN tickets USING (customer_id)',
    columns: { customer_id: ['customers.customer_id:expression', 'tickets.customer_id:expression'] },
    rows: ['customers.customer_id:join', 'tickets.customer_id:join'],
  },
  {
    name: 'NATURAL JOIN merges the common column once in *',
    sql: 'SELECT * FROM customers NATURAL JOIN tickets',
    columns: {
      customer_id: ['customers.customer_id:direct'],
      name: ['customers.name:direct'],
      email: ['customers.email:direct'],
      country: ['customers.country:direct'],
      segment: ['customers.segment:direct'],
      ticket_id: ['tickets.ticket_id:direct'],
      opened_at: ['tickets.opened_at:direct'],
      score: ['tickets.score:direct'],
    },
    rows: ['customers.customer_id:join', 'tickets.customer_id:join'],
  },
  {
    name: 'a SEMI JOIN keeps the left columns; its keys decide rows',
    sql: 'SELECT * FROM customers SEMI JOIN tickets ON tickets.customer_id = customers.customer_id',
    columns: {
      customer_id: ['customers.customer_id:direct'],
      name: ['customers.name:direct'],
      email: ['customers.email:direct'],
      country: ['customers.country:direct'],
      segment: ['customers.segment:direct'],
    },
    rows: ['customers.customer_id:join', 'tickets.customer_id:join'],
  },
  {
    name: 'a VALUES list gives columns without sources',
    sql: "SELECT v.code FROM (VALUES ('a', 1), ('b', 2)) AS v(code, n)",
    columns: { code: [] },
    reads: [],
  },
  // Clauses that decide rows
  {
    name: 'WHERE columns are filter dependencies',
    sql: "SELECT order_id FROM orders WHERE status = 'paid' AND amount > 10",
    columns: { order_id: ['orders.order_id:direct'] },
    rows: ['orders.amount:filter', 'orders.status:filter'],
  },
  {
    name: 'GROUP BY, aggregates and HAVING',
    sql: "SELECT customer_id, count(*) AS n, sum(amount) AS total FROM orders GROUP BY customer_id HAVING max(ordered_at) > DATE '2024-01-01'",
    columns: { customer_id: ['orders.customer_id:direct'], n: [], total: ['orders.amount:aggregate'] },
    rows: ['orders.customer_id:group', 'orders.ordered_at:filter'],
  },
  {
    name: 'GROUP BY ALL groups by the items that do not aggregate',
    sql: 'SELECT status, avg(amount) AS avg_amount FROM orders GROUP BY ALL',
    columns: { status: ['orders.status:direct'], avg_amount: ['orders.amount:aggregate'] },
    rows: ['orders.status:group'],
  },
  {
    name: 'GROUP BY a position and by an alias',
    sql: 'SELECT upper(status) AS s, year(ordered_at) AS y, count(DISTINCT customer_id) AS n FROM orders GROUP BY 1, y',
    columns: {
      s: ['orders.status:expression'],
      y: ['orders.ordered_at:expression'],
      n: ['orders.customer_id:aggregate'],
    },
    rows: ['orders.ordered_at:group', 'orders.status:group'],
  },
  {
    name: 'ORDER BY an alias and a position are sort dependencies',
    sql: 'SELECT order_id, amount AS a FROM orders ORDER BY a DESC, 1',
    columns: { order_id: ['orders.order_id:direct'], a: ['orders.amount:direct'] },
    rows: ['orders.amount:sort', 'orders.order_id:sort'],
  },
  {
    name: 'ORDER BY ALL sorts by every output column',
    sql: 'SELECT status, amount FROM orders ORDER BY ALL',
    columns: { status: ['orders.status:direct'], amount: ['orders.amount:direct'] },
    rows: ['orders.amount:sort', 'orders.status:sort'],
  },
  {
    name: 'DISTINCT ON groups, its ORDER BY sorts',
    sql: 'SELECT DISTINCT ON (customer_id) customer_id, amount FROM orders ORDER BY customer_id, ordered_at DESC',
    columns: { customer_id: ['orders.customer_id:direct'], amount: ['orders.amount:direct'] },
    rows: ['orders.customer_id:group', 'orders.customer_id:sort', 'orders.ordered_at:sort'],
  },
  {
    name: 'QUALIFY with a window is a filter',
    sql: 'SELECT customer_id, order_id FROM orders QUALIFY row_number() OVER (PARTITION BY customer_id ORDER BY ordered_at DESC) = 1',
    columns: { customer_id: ['orders.customer_id:direct'], order_id: ['orders.order_id:direct'] },
    rows: ['orders.customer_id:filter', 'orders.ordered_at:filter'],
  },
  // Aggregates, windows, conditionals, masks
  {
    name: 'an aggregate’s FILTER (WHERE …) is a filter of that column',
    sql: "SELECT count(*) FILTER (WHERE status = 'open') AS open, sum(amount) FILTER (WHERE status = 'paid') AS paid FROM orders",
    columns: { open: ['orders.status:filter'], paid: ['orders.amount:aggregate', 'orders.status:filter'] },
  },
  {
    name: 'an aggregate’s ORDER BY is a sort of that column',
    sql: "SELECT customer_id, string_agg(status, ',' ORDER BY ordered_at) AS statuses FROM orders GROUP BY customer_id",
    columns: {
      customer_id: ['orders.customer_id:direct'],
      statuses: ['orders.ordered_at:sort', 'orders.status:aggregate'],
    },
    rows: ['orders.customer_id:group'],
  },
  {
    name: 'a window aggregate: its argument aggregated, PARTITION BY and ORDER BY window',
    sql: 'SELECT order_id, sum(amount) OVER (PARTITION BY customer_id ORDER BY ordered_at) AS running FROM orders',
    columns: {
      order_id: ['orders.order_id:direct'],
      running: ['orders.amount:aggregate', 'orders.customer_id:window', 'orders.ordered_at:window'],
    },
  },
  {
    name: 'lag() over a window is an expression of its argument',
    sql: 'SELECT lag(amount) OVER (PARTITION BY customer_id ORDER BY ordered_at) AS previous FROM orders',
    columns: { previous: ['orders.amount:expression', 'orders.customer_id:window', 'orders.ordered_at:window'] },
  },
  {
    name: 'CASE WHEN conditions are conditional, its results expressions',
    sql: "SELECT CASE WHEN amount > 100 THEN 'big' WHEN status = 'void' THEN NULL ELSE segment END AS bucket FROM orders JOIN customers USING (customer_id)",
    columns: { bucket: ['customers.segment:expression', 'orders.amount:conditional', 'orders.status:conditional'] },
    rows: ['customers.customer_id:join', 'orders.customer_id:join'],
  },
  {
    name: 'a column both tested and returned by CASE keeps the stronger transform',
    sql: 'SELECT CASE WHEN amount IS NULL THEN 0 ELSE amount END AS amount FROM orders',
    columns: { amount: ['orders.amount:expression'] },
  },
  {
    name: 'if() tests its first argument',
    sql: "SELECT if(status = 'paid', amount, 0) AS paid FROM orders",
    columns: { paid: ['orders.amount:expression', 'orders.status:conditional'] },
  },
  {
    name: 'hashes mask their inputs',
    sql: 'SELECT md5(email) AS email_hash, sha256(lower(name)) AS name_hash, hash(customer_id) AS bucket FROM customers',
    columns: {
      email_hash: ['customers.email:masked'],
      name_hash: ['customers.name:masked'],
      bucket: ['customers.customer_id:masked'],
    },
  },
  {
    name: 'a masked value stays masked under further expressions',
    sql: 'SELECT upper(md5(email)) || country AS token FROM customers',
    columns: { token: ['customers.country:expression', 'customers.email:masked'] },
  },
  // Subqueries in expressions
  {
    name: 'a scalar subquery: its value and its correlation',
    sql: 'SELECT c.customer_id, (SELECT max(o.amount) FROM orders o WHERE o.customer_id = c.customer_id) AS biggest FROM customers c',
    columns: {
      customer_id: ['customers.customer_id:direct'],
      biggest: ['customers.customer_id:filter', 'orders.amount:aggregate', 'orders.customer_id:filter'],
    },
    reads: ['customers', 'orders'],
  },
  {
    name: 'IN (subquery) in WHERE: everything it reads filters',
    sql: "SELECT name FROM customers WHERE customer_id IN (SELECT customer_id FROM orders WHERE status = 'paid')",
    columns: { name: ['customers.name:direct'] },
    rows: ['customers.customer_id:filter', 'orders.customer_id:filter', 'orders.status:filter'],
  },
  {
    name: 'EXISTS (subquery) in WHERE filters on its conditions',
    sql: 'SELECT name FROM customers c WHERE EXISTS (SELECT 1 FROM tickets t WHERE t.customer_id = c.customer_id AND t.score < 3)',
    columns: { name: ['customers.name:direct'] },
    rows: ['customers.customer_id:filter', 'tickets.customer_id:filter', 'tickets.score:filter'],
  },
  // Set operations
  {
    name: 'UNION ALL: columns by position from every branch',
    sql: "SELECT customer_id, 'order' AS kind FROM orders UNION ALL SELECT customer_id, 'ticket' FROM tickets",
    columns: { customer_id: ['orders.customer_id:direct', 'tickets.customer_id:direct'], kind: [] },
    reads: ['orders', 'tickets'],
  },
  {
    name: 'UNION BY NAME matches columns by name',
    sql: 'SELECT customer_id, amount FROM orders UNION ALL BY NAME SELECT score, customer_id FROM tickets',
    columns: {
      customer_id: ['orders.customer_id:direct', 'tickets.customer_id:direct'],
      amount: ['orders.amount:direct'],
      score: ['tickets.score:direct'],
    },
  },
  {
    name: 'EXCEPT: values from the left, the right branch filters',
    sql: 'SELECT customer_id FROM customers EXCEPT SELECT customer_id FROM tickets',
    columns: { customer_id: ['customers.customer_id:direct'] },
    rows: ['tickets.customer_id:filter'],
  },
  {
    name: 'INTERSECT: values from both branches',
    sql: 'SELECT customer_id FROM customers INTERSECT SELECT customer_id FROM orders',
    columns: { customer_id: ['customers.customer_id:direct', 'orders.customer_id:direct'] },
  },
  // UNNEST, LATERAL, lambdas
  {
    name: 'unnest() in the select list is an expression of the list',
    sql: 'SELECT order_id, unnest(items) AS item FROM orders',
    columns: { order_id: ['orders.order_id:direct'], item: ['orders.items:expression'] },
  },
  {
    name: 'UNNEST in FROM reads the lateral column',
    sql: 'SELECT o.order_id, i.item FROM orders o, unnest(o.items) AS i(item)',
    columns: { order_id: ['orders.order_id:direct'], item: ['orders.items:expression'] },
  },
  {
    name: 'a LATERAL subquery reads the left side; its clauses are the statement’s row dependencies',
    sql: 'SELECT c.name, recent.amount FROM customers c, LATERAL (SELECT amount FROM orders o WHERE o.customer_id = c.customer_id ORDER BY ordered_at DESC LIMIT 1) AS recent',
    columns: { name: ['customers.name:direct'], amount: ['orders.amount:direct'] },
    rows: ['customers.customer_id:filter', 'orders.customer_id:filter', 'orders.ordered_at:sort'],
  },
  {
    name: 'lambda parameters are not columns',
    sql: 'SELECT list_transform(items, x -> x * amount) AS scaled FROM orders',
    columns: { scaled: ['orders.amount:expression', 'orders.items:expression'] },
  },
  {
    name: 'a recursive CTE that joins an input carries its join keys',
    sql: 'WITH RECURSIVE r AS (SELECT customer_id, 0 AS n FROM customers UNION ALL SELECT r.customer_id, r.n + 1 FROM r JOIN orders o ON o.customer_id = r.customer_id WHERE r.n < 2) SELECT customer_id, n FROM r',
    columns: { customer_id: ['customers.customer_id:direct'], n: [] },
    rows: ['customers.customer_id:join', 'orders.customer_id:join'],
    reads: ['customers', 'orders'],
  },
  {
    name: '#n is the n-th column of the FROM clause',
    sql: 'SELECT #3 AS third FROM orders',
    columns: { third: ['orders.status:direct'] },
  },
  {
    name: 'a relation named as a column is its whole row, as a struct',
    sql: 'SELECT t AS ticket FROM tickets AS t',
    columns: {
      ticket: [
        'tickets.customer_id:expression',
        'tickets.opened_at:expression',
        'tickets.score:expression',
        'tickets.ticket_id:expression',
      ],
    },
  },
  {
    name: 'EXISTS in the select list: its conditions decide that column',
    sql: 'SELECT c.customer_id, EXISTS (SELECT 1 FROM tickets t WHERE t.customer_id = c.customer_id) AS has_tickets FROM customers c',
    columns: {
      customer_id: ['customers.customer_id:direct'],
      has_tickets: ['customers.customer_id:filter', 'tickets.customer_id:filter'],
    },
  },
  {
    name: 'a window aggregate with FILTER',
    sql: "SELECT count(*) FILTER (WHERE status = 'paid') OVER (PARTITION BY customer_id) AS paid_orders FROM orders",
    columns: { paid_orders: ['orders.customer_id:window', 'orders.status:filter'] },
  },
  {
    name: 'an ASOF join’s condition is a join dependency',
    sql: 'SELECT t.ticket_id, o.amount FROM tickets t ASOF JOIN orders o ON o.customer_id = t.customer_id AND t.opened_at >= o.ordered_at',
    columns: { ticket_id: ['tickets.ticket_id:direct'], amount: ['orders.amount:direct'] },
    rows: ['orders.customer_id:join', 'orders.ordered_at:join', 'tickets.customer_id:join', 'tickets.opened_at:join'],
  },
  {
    name: 'a POSITIONAL join has no keys',
    sql: 'SELECT o.order_id, t.ticket_id FROM orders o POSITIONAL JOIN tickets t',
    columns: { order_id: ['orders.order_id:direct'], ticket_id: ['tickets.ticket_id:direct'] },
  },
  {
    name: 'range() generates values without sources',
    sql: 'SELECT r.range AS n FROM range(3) AS r',
    columns: { n: [] },
    reads: [],
  },
  {
    name: 'a schema-qualified input resolves like the input',
    sql: 'SELECT amount FROM main.orders',
    columns: { amount: ['orders.amount:direct'] },
    reads: ['orders'],
  },
  {
    name: 'queries nested past the limit are a gap, not a crash',
    sql: `SELECT amount FROM ${'(SELECT amount FROM '.repeat(110)}orders${') AS q'.repeat(110)}`,
    columns: { amount: [] },
    unresolved: { amount: /nested this deeply/ },
    gaps: [/nested this deeply/],
  },
  {
    name: 'PIVOT output columns are unknown',
    sql: "SELECT * FROM orders PIVOT (sum(amount) FOR status IN ('paid', 'open'))",
    columns: {},
    gaps: [/PIVOT/],
    reads: ['orders'],
  },
];

describe('extractStatementLineage', () => {
  it('has at least 40 named cases, each named once', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
  });

  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const lineage = await lineageOf(c.sql, RELATIONS, c.outputColumns);
    expect(lineage.columns.map((col) => col.column)).toEqual(Object.keys(c.columns));
    for (const column of lineage.columns) {
      expect(compact(column.sources).sort(), column.column).toEqual([...c.columns[column.column]!].sort());
      const reason = c.unresolved?.[column.column];
      if (reason) expect(column.unresolved, column.column).toMatch(reason);
      else expect(column.unresolved, column.column).toBeUndefined();
    }
    expect(compact(lineage.rows).sort()).toEqual([...(c.rows ?? [])].sort());
    const statementGaps = lineage.unresolved.filter((g) => g.column === undefined).map((g) => g.reason);
    expect(statementGaps).toHaveLength(c.gaps?.length ?? 0);
    for (const pattern of c.gaps ?? [])
      expect(
        statementGaps.some((g) => pattern.test(g)),
        String(pattern),
      ).toBe(true);
    // Every unresolved column is listed among the statement's gaps too, with its name.
    const columnGaps = lineage.unresolved.filter((g) => g.column !== undefined).map((g) => g.column);
    expect(columnGaps).toEqual(Object.keys(c.unresolved ?? {}));
    if (c.reads) expect(lineage.reads).toEqual(c.reads);
  });
});
