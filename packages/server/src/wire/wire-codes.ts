/** Codes of the PostgreSQL wire protocol front end of the SQL gateway (MW5401–MW5499). */
export const WIRE_CODES = {
  MW5401: {
    title: 'Protocol violation',
    fix: 'The client sent a message the PostgreSQL v3 protocol does not allow here; use a maintained driver (libpq/psql, pgjdbc, node-postgres, psycopg).',
  },
  MW5402: {
    title: 'Message too large',
    fix: 'Send smaller statements or parameter values; the limit is the `maxMessageBytes` of the wire server (16 MiB by default).',
  },
  MW5403: {
    title: 'Authentication failed',
    fix: 'Use a valid, unexpired Meshwork API token (`mesh token create`) or a JWT of the configured issuer as the password.',
  },
  MW5404: {
    title: 'User name does not match the token',
    fix: "Connect with the user name of the token's principal (its id in mesh.yaml), or leave the user name empty.",
  },
  MW5405: {
    title: 'Too many connections',
    fix: 'Close idle connections or use a connection pool; the limit is `maxConnections` of the wire server.',
  },
  MW5406: {
    title: 'Connection timed out',
    fix: 'Authenticate within the startup timeout, and reconnect after a session was closed for being idle.',
  },
  MW5407: {
    title: 'Unsupported protocol feature',
    fix: 'Meshwork speaks protocol 3.0 with the simple and extended query protocols; COPY, replication, function calls and GSSAPI/SASL are not available.',
  },
  MW5408: {
    title: 'Query cancelled',
    fix: 'The query was cancelled at your request (CancelRequest); run it again when ready.',
  },
  MW5409: {
    title: 'Unknown prepared statement or portal',
    fix: 'Parse the statement (or Bind the portal) before using it; names are per connection.',
  },
  MW5410: {
    title: 'Invalid parameter value',
    fix: 'Send parameter values in the text format of their type, or in the binary format of a type Meshwork decodes (see the message).',
  },
  MW5411: {
    title: 'Session setting not supported',
    fix: 'Meshwork sessions are UTF8, ISO dates, standard strings and hex bytea; set only the values named in the message.',
  },
  MW5412: {
    title: 'Catalog query refused',
    fix: 'Queries on pg_catalog and information_schema may only read (SELECT).',
  },
  MW5413: {
    title: 'Catalog query failed',
    fix: 'The pg_catalog emulation does not support a construct of this query; the message names it. Report it with the query if a tool sent it.',
  },
  MW5414: {
    title: 'Internal error in the PostgreSQL protocol server',
    fix: 'A Meshwork bug: the server log has the details; report it.',
  },
  MW5415: { title: 'Server shutting down', fix: 'Reconnect when the server is back.' },
  MW5416: {
    title: 'Binary format not supported for this type',
    fix: 'Ask for the text format (format code 0) for the columns named in the message.',
  },
  MW5417: {
    title: 'Prepared statement or portal already exists',
    fix: 'Close (or DEALLOCATE) the named statement or portal before reusing its name.',
  },
  MW5418: {
    title: 'More than one statement in a prepared statement',
    fix: 'Prepare one statement at a time; send several statements only with the simple query protocol.',
  },
} as const;

export type WireCode = keyof typeof WIRE_CODES;
