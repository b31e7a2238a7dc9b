/**
 * Stable error codes of the metadata store (range MW6100–MW6199). Each code names one cause and
 * says how to fix it; `metadata-codes.test.ts` checks that every code thrown here is listed and
 * every listed code is still thrown.
 */
export const METADATA_CODES = {
  MW6101: {
    title: 'Invalid metadata record',
    fix: 'Supply every required field as a non-empty string (or a value from the listed choices) and plain JSON for details.',
  },
  MW6102: {
    title: 'Published descriptor version is immutable',
    fix: 'Publish the changed document under a new version; a published version can never be changed.',
  },
  MW6103: {
    title: 'Invalid page request',
    fix: 'Pass a limit between 1 and 1000 and, as cursor, exactly the `next` value of the previous page.',
  },
  MW6104: {
    title: 'Product not registered',
    fix: 'Register the product (upsertProduct) before recording its descriptor versions, runs or status.',
  },
  MW6105: {
    title: 'Metadata database is from a newer Meshwork',
    fix: 'Upgrade Meshwork to the version that migrated this database, or point it at another database.',
  },
  MW6106: {
    title: 'Record is append-only',
    fix: 'Audit events and published descriptor versions cannot be updated or deleted; append a new record instead.',
  },
  MW6107: {
    title: 'Metadata database unavailable',
    fix: 'Check that the database is running and reachable, that the credentials are right and that the file or directory is writable.',
  },
  MW6108: {
    title: 'Metadata database busy',
    fix: 'Another process held a write lock for longer than the busy timeout; retry, or stop the process that keeps it.',
  },
  MW6109: {
    title: 'Invalid metadata store configuration',
    fix: 'Use a postgres:// URL, a schema name of lowercase letters, digits and underscores, and a writable SQLite file path.',
  },
  MW6110: {
    title: 'Duplicate metadata record',
    fix: 'Another record already uses this unique key (for a product, its URN); choose another or update that record.',
  },
  MW6120: {
    title: 'Run abandoned',
    fix: 'The process running it stopped (crash, kill, restart) before recording a result; run the product again.',
  },
  MW6121: {
    title: 'Run not found',
    fix: 'Pass the id the run was created with; list the product’s runs to find it.',
  },
  MW6122: {
    title: 'Run already finished',
    fix: 'A run is finished once; if it was marked abandoned while its process still worked, stop that process and start a new run.',
  },
  MW6123: {
    title: 'Product already has a running run',
    fix: 'Wait for the running run to finish; if its process is gone, mark it abandoned (failStaleRuns) before starting a new one.',
  },
  MW6160: {
    title: 'Agreement not found',
    fix: 'Pass the id the access request was created with; list the agreements to find it.',
  },
  MW6161: {
    title: 'Agreement changed meanwhile',
    fix: 'Someone else decided, cancelled or revoked it first; reload the agreement and act on its current status.',
  },
  MW6162: {
    title: 'Access request already pending',
    fix: 'Wait for the decision on the pending request for this port, or cancel it before asking again.',
  },
} as const satisfies Record<string, { readonly title: string; readonly fix: string }>;

export type MetadataCode = keyof typeof METADATA_CODES;
