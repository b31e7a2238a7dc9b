/** Codes of the governed SQL gateway (MW5001–MW5099). Reference: docs/reference/errors.md. */
export const GATEWAY_CODES = {
  MW5001: {
    title: 'SQL syntax error',
    fix: 'Fix the SQL at the position named in the message; the gateway speaks DuckDB SQL.',
  },
  MW5002: {
    title: 'Only read queries are allowed',
    fix: 'Send one SELECT (WITH, VALUES, FROM-first and set operations are fine); DDL, DML, SET, PRAGMA, ATTACH, COPY, INSTALL, LOAD and EXPORT are refused.',
  },
  MW5003: {
    title: 'More than one statement',
    fix: 'Send one statement per request.',
  },
  MW5004: {
    title: 'Unknown relation',
    fix: 'Name a data product as `<domain>.<product>` (e.g. `sales.orders`), a version as `sales.orders_v1`, a port as `sales.<product>_<port>`; `mesh query "…"` lists the relations you may query with `--relations`.',
  },
  MW5005: {
    title: 'Not published yet',
    fix: 'The product port exists but has no snapshot yet: run it (`mesh run <product>`) or ask its owner.',
  },
  MW5006: {
    title: 'Version retired',
    fix: 'This major version passed its end of life; query the current version named in the message.',
  },
  MW5007: {
    title: 'Function or table function not allowed',
    fix: 'Use the built-in scalar, aggregate and window functions; files, URLs, catalog functions, settings and dynamic SQL are not available through the gateway.',
  },
  MW5008: {
    title: 'Construct not allowed',
    fix: 'Rewrite the query without the construct named in the message (DESCRIBE/SHOW, AT clauses other than VERSION, catalog-qualified names).',
  },
  MW5009: {
    title: 'Query failed',
    fix: 'Read the message: a type, binder or conversion error in the query as written.',
  },
  MW5010: {
    title: 'Query timed out',
    fix: 'Make the query cheaper (filters, aggregates, LIMIT) or ask an admin to raise `gateway.timeoutMs`.',
  },
  MW5011: {
    title: 'Query cancelled',
    fix: 'The client cancelled the query or disconnected; run it again if that was not intended.',
  },
  MW5012: {
    title: 'Result limit reached',
    fix: 'Add a LIMIT or aggregate, or ask for a streamed format; the limits are in the message.',
  },
  MW5013: {
    title: 'Too many concurrent queries',
    fix: 'Wait for your running queries to finish; the limit per principal is `gateway.maxConcurrentPerPrincipal`.',
  },
  MW5014: {
    title: 'Wrong number of parameters',
    fix: 'Pass one value for each `$n` placeholder of the query.',
  },
  MW5015: {
    title: 'Snapshot not found',
    fix: 'The snapshot id does not exist for this product version or was removed by retention; the snapshots of a product are listed by `mesh runs --product <product>` and `GET /api/v1/runs`.',
  },
  MW5016: {
    title: 'Not allowed to query',
    fix: 'Request access to the product (`mesh access request …`) or ask its owner; the message names the relation and the reason.',
  },
  MW5017: {
    title: 'Query too large',
    fix: 'Shorten the query: the text or its parse tree passes the gateway limits.',
  },
  MW5018: {
    title: 'Masking key too short',
    fix: 'Set MESHWORK_MASKING_KEY to at least 32 random bytes, as hex (64 digits) or base64.',
  },
  MW5019: {
    title: 'Product cannot be read under its access policies',
    fix: 'A mask or row filter names a column the published snapshot does not have: the product owner (or the governance council) must fix the rule or the contract.',
  },
  MW5020: {
    title: 'TLS files unreadable',
    fix: 'Point mesh.yaml gateway.tls.cert and gateway.tls.key at readable PEM files (paths relative to the workspace).',
  },
} as const;
