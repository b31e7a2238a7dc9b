/**
 * The connection fields ODCS v3.1.0 defines for each server type, with their kinds and which
 * are required. ODCS rejects members a server type does not define, so the importer copies
 * only these and keeps the rest as custom properties.
 */
export type ServerFieldKind = 'string' | 'integer' | 'uri' | 'sftpUri';

export interface ServerFields {
  readonly required: readonly string[];
  readonly fields: Readonly<Record<string, ServerFieldKind>>;
}

const s = 'string';
const i = 'integer';
const u = 'uri';

const hostPortDatabase: ServerFields = {
  required: ['host', 'port', 'database'],
  fields: { host: s, port: i, database: s },
};
const hostPortDatabaseSchema: ServerFields = {
  required: ['host', 'port', 'database', 'schema'],
  fields: { host: s, port: i, database: s, schema: s },
};
const hostDatabase: ServerFields = { required: ['host', 'database'], fields: { host: s, port: i, database: s } };

export const ODCS_SERVER_TYPES: Readonly<Record<string, ServerFields>> = {
  api: { required: ['location'], fields: { location: u } },
  athena: { required: ['stagingDir', 'schema'], fields: { stagingDir: u, schema: s, catalog: s, regionName: s } },
  azure: { required: ['location', 'format'], fields: { location: u, format: s, delimiter: s } },
  bigquery: { required: ['project', 'dataset'], fields: { project: s, dataset: s } },
  clickhouse: hostPortDatabase,
  cloudsql: hostPortDatabaseSchema,
  custom: {
    required: [],
    fields: {
      account: s,
      catalog: s,
      database: s,
      dataset: s,
      delimiter: s,
      endpointUrl: u,
      format: s,
      host: s,
      location: u,
      path: s,
      port: i,
      project: s,
      region: s,
      regionName: s,
      schema: s,
      serviceName: s,
      stagingDir: s,
      warehouse: s,
      stream: s,
    },
  },
  databricks: { required: ['catalog', 'schema'], fields: { host: s, catalog: s, schema: s } },
  db2: { required: ['host', 'port', 'database'], fields: { host: s, port: i, database: s, schema: s } },
  denodo: { required: ['host', 'port'], fields: { host: s, port: i, database: s } },
  dremio: { required: ['host', 'port'], fields: { host: s, port: i, schema: s } },
  duckdb: { required: ['database'], fields: { database: s, schema: s } },
  glue: { required: ['account', 'database'], fields: { account: s, database: s, location: u, format: s } },
  hive: hostDatabase,
  impala: hostDatabase,
  informix: hostDatabase,
  kafka: { required: ['host'], fields: { host: s, format: s } },
  kinesis: { required: [], fields: { region: s, format: s } },
  local: { required: ['path', 'format'], fields: { path: s, format: s } },
  mysql: hostPortDatabase,
  oracle: { required: ['host', 'port', 'serviceName'], fields: { host: s, port: i, serviceName: s } },
  postgres: hostPortDatabaseSchema,
  postgresql: hostPortDatabaseSchema,
  presto: { required: ['host'], fields: { host: s, catalog: s, schema: s } },
  pubsub: { required: ['project'], fields: { project: s } },
  redshift: { required: ['database', 'schema'], fields: { host: s, database: s, schema: s, region: s, account: s } },
  s3: { required: ['location'], fields: { location: u, endpointUrl: u, format: s, delimiter: s } },
  sftp: { required: ['location'], fields: { location: 'sftpUri', format: s, delimiter: s } },
  snowflake: {
    required: ['account', 'database', 'schema'],
    fields: { host: s, port: i, account: s, database: s, schema: s, warehouse: s },
  },
  sqlserver: { required: ['host', 'database', 'schema'], fields: { host: s, port: i, database: s, schema: s } },
  synapse: hostPortDatabase,
  trino: { required: ['host', 'port', 'catalog', 'schema'], fields: { host: s, port: i, catalog: s, schema: s } },
  vertica: hostPortDatabaseSchema,
  zen: hostDatabase,
};
