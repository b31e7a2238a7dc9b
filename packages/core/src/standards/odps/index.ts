export {
  OdpsCustomPropertySchema,
  OdpsInputContractSchema,
  OdpsSbomSchema,
  OdpsTagsSchema,
  type OdpsCustomProperty,
  type OdpsInputContract,
  type OdpsSbom,
  type OdpsTags,
} from './odps-shared-schemas.js';
export * from './odps-v1-0-0-schema.js';
export * from './odps-v0-9-0-schema.js';
export {
  ODPS_API_VERSIONS,
  validateOdps,
  validateOdpsV090,
  validateOdpsV100,
  type OdpsApiVersion,
  type OdpsValidation,
} from './odps-validators.js';
