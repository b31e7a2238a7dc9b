/** ODCS v3.0.x servers. Open objects: keys beyond the server type's details pass. */
import { Type, type Static } from '@sinclair/typebox';
import { stringEnum } from './odcs-schema-helpers.js';
import { OdcsV30xCustomPropertiesSchema } from './odcs-v3-0-x-metadata.js';
import { OdcsV30xRoleSchema } from './odcs-v3-0-x-sla-team-support.js';
import {
  objectStorageDetails,
  odcsV3CustomServerProperties,
  odcsV3SharedServerDetails,
} from './odcs-v3-server-details.js';
import { serverSchema } from './odcs-v3-server-schema.js';

export const odcsV30xServerDetails = {
  ...odcsV3SharedServerDetails,
  // v3.0.x enumerates the file formats of object storage; v3.1.0 made them free text.
  ...objectStorageDetails(stringEnum(['parquet', 'delta', 'json', 'csv']), stringEnum(['new_line', 'array'])),
  // An integer, as the official v3.0.2 schema says (v3.1.0 corrected it to a string).
  duckdb: Type.Object({ database: Type.String(), schema: Type.Optional(Type.Integer()) }),
  custom: Type.Object(odcsV3CustomServerProperties),
};

export type OdcsV30xServerType = keyof typeof odcsV30xServerDetails;

export const OdcsV30xServerSchema = serverSchema(
  {
    server: Type.String(),
    description: Type.Optional(Type.String()),
    environment: Type.Optional(Type.String()),
    roles: Type.Optional(Type.Array(OdcsV30xRoleSchema)),
    customProperties: Type.Optional(OdcsV30xCustomPropertiesSchema),
  },
  odcsV30xServerDetails,
);
export type OdcsV30xServer = Static<typeof OdcsV30xServerSchema>;
