/**
 * The `apiVersion` values Meshwork validates, and which of its two ODCS schemas is first in
 * line for each. The v2.2.x values are listed because the official schemas list them;
 * v2-shaped documents fail their structure anyway.
 */
export const ODCS_V310_API_VERSIONS = ['v3.1.0'] as const;
export const ODCS_V30X_API_VERSIONS = ['v3.0.2', 'v3.0.1', 'v3.0.0', 'v2.2.2', 'v2.2.1', 'v2.2.0'] as const;

export const ODCS_API_VERSIONS = [...ODCS_V310_API_VERSIONS, ...ODCS_V30X_API_VERSIONS] as const;
export type OdcsApiVersion = (typeof ODCS_API_VERSIONS)[number];

/** The schema generation a document is validated against. */
export type OdcsSchemaVersion = 'v3.1.0' | 'v3.0.x';

export function odcsSchemaVersionOf(apiVersion: unknown): OdcsSchemaVersion | undefined {
  if ((ODCS_V310_API_VERSIONS as readonly unknown[]).includes(apiVersion)) return 'v3.1.0';
  if ((ODCS_V30X_API_VERSIONS as readonly unknown[]).includes(apiVersion)) return 'v3.0.x';
  return undefined;
}
