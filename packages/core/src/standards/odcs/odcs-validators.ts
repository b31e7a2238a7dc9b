/**
 * Validates an ODCS data contract against the Meshwork schema of its `apiVersion`. The
 * issues are data (pointer, keyword, message), for the workspace loader to position.
 */
import { createDocumentValidator, type DocumentValidator, type SchemaIssue } from '../schema-validator.js';
import { ODCS_API_VERSIONS, odcsSchemaVersionOf, type OdcsSchemaVersion } from './odcs-api-versions.js';
import { OdcsV30xSchema } from './odcs-v3-0-x-document.js';
import { OdcsV310Schema } from './odcs-v3-1-0-document.js';

export { ODCS_API_VERSIONS };

export const validateOdcsV310: DocumentValidator = createDocumentValidator(OdcsV310Schema);
export const validateOdcsV30x: DocumentValidator = createDocumentValidator(OdcsV30xSchema);

export interface OdcsValidation {
  /** The schema whose verdict this is; undefined when the apiVersion is missing or unsupported. */
  readonly version: OdcsSchemaVersion | undefined;
  readonly issues: readonly SchemaIssue[];
}

/**
 * A v3.1.0 contract is checked against v3.1.0. A v3.0.x contract is checked against v3.0.x
 * and, failing that, against v3.1.0, which admits the v3.0.x apiVersions too (the official
 * v3.1.0 schema does, and the official examples rely on it). When both reject it, the issues
 * of the schema with fewer issues are reported: they are the ones closest to the author's intent.
 *
 * @example
 * validateOdcs(parse(text)) // → { version: 'v3.1.0', issues: [] }
 * validateOdcs({ apiVersion: 'v9' }).issues[0] // → { pointer: '/apiVersion', keyword: 'apiVersion', … }
 */
export function validateOdcs(doc: unknown): OdcsValidation {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    return { version: undefined, issues: [{ pointer: '', keyword: 'type', message: 'must be an object' }] };
  }
  const apiVersion: unknown = (doc as Record<string, unknown>).apiVersion;
  const version = odcsSchemaVersionOf(apiVersion);
  if (version === 'v3.1.0') return { version, issues: validateOdcsV310(doc) };
  if (version === 'v3.0.x') {
    const asV30x = validateOdcsV30x(doc);
    if (asV30x.length === 0) return { version, issues: asV30x };
    const asV310 = validateOdcsV310(doc);
    return asV310.length < asV30x.length ? { version: 'v3.1.0', issues: asV310 } : { version, issues: asV30x };
  }
  const supported = ODCS_API_VERSIONS.join(', ');
  const message =
    apiVersion === undefined
      ? `missing apiVersion; supported ODCS versions: ${supported}`
      : `unsupported ODCS apiVersion ${JSON.stringify(apiVersion)}; supported: ${supported}`;
  return { version: undefined, issues: [{ pointer: '/apiVersion', keyword: 'apiVersion', message }] };
}
