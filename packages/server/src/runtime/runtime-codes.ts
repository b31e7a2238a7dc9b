/** Codes of the self-serve runtime: building and publishing products (MW8001–MW8099). */
export const RUNTIME_CODES = {
  MW8001: {
    title: 'Input file not found',
    fix: 'Check the input path (globs are relative to the product folder) or create the file.',
  },
  MW8002: {
    title: 'Malformed rows in an input file',
    fix: 'Fix the rows named in the report, or set `onError: reject` on the input to route them to a rejects table.',
  },
  MW8003: { title: 'SQL step failed', fix: 'Fix the SQL of the step named in the message; run `mesh run` again.' },
  MW8004: {
    title: 'Upstream product not published',
    fix: 'Publish the upstream product first (`mesh run --all` builds in dependency order).',
  },
  MW8005: {
    title: 'Source database unreachable',
    fix: 'Check the connection URL in mesh.yaml and that the database accepts connections.',
  },
  MW8006: {
    title: 'Contract checks failed',
    fix: 'Read the failed checks in the run report; fix the data or the pipeline, or the contract in a new version.',
  },
  MW8007: { title: 'Product is being built by another run', fix: 'Wait for the other run to finish, or stop it.' },
  MW8008: { title: 'Workspace has errors', fix: 'Run `mesh validate` and fix every error before building.' },
  MW8009: {
    title: 'Could not write the snapshot',
    fix: 'Check free disk space and permissions of the warehouse folder named in the message.',
  },
  MW8010: { title: 'Input could not be read', fix: 'Check the input file format and options named in the message.' },
  MW8011: {
    title: 'Output does not match its port',
    fix: 'Make the pipeline output feed an output port and major version declared in product.odps.yaml.',
  },
  MW8012: {
    title: 'Invalid run parameter',
    fix: 'Pass parameters as name=value with a name declared in pipeline.yaml or run_date.',
  },
  MW8013: { title: 'Unknown product', fix: 'Use domain/product of a product in the workspace.' },
  MW8014: { title: 'Run cancelled', fix: 'Run it again when ready.' },
  MW8015: {
    title: 'Unexpected error during a run',
    fix: 'This is a Meshwork bug: report it with the run id and the message shown by `mesh run show <id>`.',
  },
  MW8016: {
    title: 'Port version retired',
    fix: "Read the port's current major version; retired versions are no longer built or served.",
  },
} as const;

export type RuntimeCode = keyof typeof RUNTIME_CODES;
