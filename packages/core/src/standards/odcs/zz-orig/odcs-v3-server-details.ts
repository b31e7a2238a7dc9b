/**
 * What a server entry must say besides its `type`, per server type. These are the details
 * that v3.0.x and v3.1.0 share; each version adds or changes a few (see its servers file).
 * Detail objects are open: a server's other keys are governed by the server object itself.
 */
import { Type, type TSchema } from '@sinclair/typebox';

const str = () => Type.String();
const opt = Type.Optional;
const port = () => Type.Integer();
/** Validated as an RFC 3986 URI, as the official schemas do. */
const uri = () => Type.String({ format: 'uri' });

export const odcsV3SharedServerDetails = {
  api: Type.Object({ location: uri() }),
  athena: Type.Object({ stagingDir: uri(), schema: str(), catalog: opt(str()), regionName: opt(str()) }),
  bigquery: Type.Object({ project: str(), dataset: str() }),
  clickhouse: Type.Object({ host: str(), port: port(), database: str() }),
  databricks: Type.Object({ host: opt(str()), catalog: str(), schema: str() }),
  denodo: Type.Object({ host: str(), port: port(), database: opt(str()) }),
  dremio: Type.Object({ host: str(), port: port(), schema: opt(str()) }),
  glue: Type.Object({ account: str(), database: str(), location: opt(uri()), format: opt(str()) }),
  cloudsql: Type.Object({ host: str(), port: port(), database: str(), schema: str() }),
  db2: Type.Object({ host: str(), port: port(), database: str(), schema: opt(str()) }),
  informix: Type.Object({ host: str(), port: opt(port()), database: str() }),
  kafka: Type.Object({ host: str(), format: opt(str()) }),
  kinesis: Type.Object({ region: opt(str()), format: opt(str()) }),
  local: Type.Object({ path: str(), format: str() }),
  mysql: Type.Object({ host: str(), port: port(), database: str() }),
  oracle: Type.Object({ host: str(), port: port(), serviceName: str() }),
  postgresql: Type.Object({ host: str(), port: port(), database: str(), schema: str() }),
  postgres: Type.Object({ host: str(), port: port(), database: str(), schema: str() }),
  presto: Type.Object({ host: str(), catalog: opt(str()), schema: opt(str()) }),
  pubsub: Type.Object({ project: str() }),
  redshift: Type.Object({
    host: opt(str()),
    database: str(),
    schema: str(),
    region: opt(str()),
    account: opt(str()),
  }),
  snowflake: Type.Object({
    host: opt(str()),
    port: opt(port()),
    account: str(),
    database: str(),
    schema: str(),
    warehouse: opt(str()),
  }),
  sqlserver: Type.Object({ host: str(), port: opt(port()), database: str(), schema: str() }),
  synapse: Type.Object({ host: str(), port: port(), database: str() }),
  trino: Type.Object({ host: str(), port: port(), catalog: str(), schema: str() }),
  vertica: Type.Object({ host: str(), port: port(), database: str(), schema: str() }),
};

/** The properties of a `custom` server (none required); v3.1.0 adds `stream`. */
export const odcsV3CustomServerProperties = {
  account: opt(str()),
  catalog: opt(str()),
  database: opt(str()),
  dataset: opt(str()),
  delimiter: opt(str()),
  endpointUrl: opt(uri()),
  format: opt(str()),
  host: opt(str()),
  location: opt(uri()),
  path: opt(str()),
  port: opt(port()),
  project: opt(str()),
  region: opt(str()),
  regionName: opt(str()),
  schema: opt(str()),
  serviceName: opt(str()),
  stagingDir: opt(str()),
  warehouse: opt(str()),
};

/** Object storage servers; v3.0.x restricts `format` and `delimiter` to enumerations. */
export function objectStorageDetails<F extends TSchema, D extends TSchema>(format: F, delimiter: D) {
  return {
    azure: Type.Object({ location: uri(), format, delimiter: opt(delimiter) }),
    s3: Type.Object({ location: uri(), endpointUrl: opt(uri()), format: opt(format), delimiter: opt(delimiter) }),
    sftp: Type.Object({
      location: Type.String({ format: 'uri', pattern: '^sftp://.*' }),
      format: opt(format),
      delimiter: opt(delimiter),
    }),
  };
}
