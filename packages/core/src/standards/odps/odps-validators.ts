/**
 * Validates an ODPS document against the schema of the version it declares.
 *
 * A document declaring v0.9.0 is accepted when either official schema that admits v0.9.0
 * accepts it: the v0.9.0 schema, or the v1.0.0 schema (whose `apiVersion` enum lists v0.9.0,
 * and under which the standard's own v0.9.0 examples are written). When both reject it, the
 * issues of the schema whose structure the document follows are reported: `team` as an object
 * is v1.0.0 structure, as a list v0.9.0; without a team, the schema with fewer issues wins
 * (v0.9.0 on a tie).
 */
import { createDocumentValidator, type SchemaIssue } from '../schema-validator.js';
import { OdpsV090Schema } from './odps-v0-9-0-schema.js';
import { OdpsV100Schema } from './odps-v1-0-0-schema.js';

/** The ODPS versions Meshwork reads, newest first. */
export const ODPS_API_VERSIONS = ['v1.0.0', 'v0.9.0'] as const;

export type OdpsApiVersion = (typeof ODPS_API_VERSIONS)[number];

export interface OdpsValidation {
  /** The declared version when Meshwork supports it, otherwise undefined. */
  readonly version: OdpsApiVersion | undefined;
  readonly issues: readonly SchemaIssue[];
}

export const validateOdpsV100 = createDocumentValidator(OdpsV100Schema);
export const validateOdpsV090 = createDocumentValidator(OdpsV090Schema);

export function validateOdps(doc: unknown): OdpsValidation {
  const version = declaredVersion(doc);
  if (version === 'v1.0.0') return { version, issues: validateOdpsV100(doc) };
  if (version === 'v0.9.0') {
    const asV090 = validateOdpsV090(doc);
    if (asV090.length === 0) return { version, issues: asV090 };
    const asV100 = validateOdpsV100(doc);
    if (asV100.length === 0) return { version, issues: asV100 };
    return { version, issues: followsV100Structure(doc, asV100, asV090) ? asV100 : asV090 };
  }
  return {
    version: undefined,
    issues: [
      {
        pointer: '/apiVersion',
        keyword: 'apiVersion',
        message: `apiVersion must be one of ${ODPS_API_VERSIONS.join(', ')}`,
      },
    ],
  };
}

function followsV100Structure(doc: unknown, asV100: readonly SchemaIssue[], asV090: readonly SchemaIssue[]): boolean {
  const team: unknown = (doc as Record<string, unknown>).team;
  if (Array.isArray(team)) return false;
  if (typeof team === 'object' && team !== null) return true;
  return asV100.length < asV090.length;
}

function declaredVersion(doc: unknown): OdpsApiVersion | undefined {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return undefined;
  const apiVersion: unknown = (doc as Record<string, unknown>).apiVersion;
  return ODPS_API_VERSIONS.find((v) => v === apiVersion);
}
