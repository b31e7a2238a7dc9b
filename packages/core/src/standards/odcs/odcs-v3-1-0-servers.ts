/** ODCS v3.1.0 servers: where the data of a contract physically lives. */
import { Type, type Static } from '@sinclair/typebox';
import { OdcsStableIdSchema, odcsV310CustomPropertiesRef } from './odcs-v3-1-0-metadata.js';
import { odcsV310RolesRef } from './odcs-v3-1-0-sla-team-support.js';
import {
  objectStorageDetails,
  odcsV3CustomServerProperties,
  odcsV3SharedServerDetails,
} from './odcs-v3-server-details.js';
import { serverSchema } from './odcs-v3-server-schema.js';

/** Hive, Impala and Zen take the same connection details. */
const hostAndDatabase = () =>
  Type.Object({ host: Type.String(), port: Type.Optional(Type.Integer()), database: Type.String() });

export const odcsV310ServerDetails = {
  ...odcsV3SharedServerDetails,
  ...objectStorageDetails(Type.String(), Type.String()),
  duckdb: Type.Object({ database: Type.String(), schema: Type.Optional(Type.String()) }),
  hive: hostAndDatabase(),
  impala: hostAndDatabase(),
  zen: hostAndDatabase(),
  custom: Type.Object({ ...odcsV3CustomServerProperties, stream: Type.Optional(Type.String()) }),
};

export type OdcsV310ServerType = keyof typeof odcsV310ServerDetails;

export const OdcsV310ServerSchema = serverSchema(
  {
    id: Type.Optional(OdcsStableIdSchema),
    /** The name other parts of the mesh use for this server. */
    server: Type.String(),
    description: Type.Optional(Type.String()),
    /** E.g. `prod`, `dev`; free text. */
    environment: Type.Optional(Type.String()),
    roles: Type.Optional(odcsV310RolesRef()),
    customProperties: Type.Optional(odcsV310CustomPropertiesRef()),
  },
  odcsV310ServerDetails,
  // The common fields plus the details of the server's type, nothing else.
  { closed: true },
);
export type OdcsV310Server = Static<typeof OdcsV310ServerSchema>;
