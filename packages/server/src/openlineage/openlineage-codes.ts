/** Codes of OpenLineage out (run events sent to a configured endpoint) and in (`POST /api/v1/lineage`): MW8850–MW8879. */
export const OPENLINEAGE_CODES = {
  MW8850: {
    title: 'Invalid OpenLineage settings',
    fix: 'In mesh.yaml `openlineage`, give an http(s) `url` without user or password (the key goes in `apiKey`, normally `${OPENLINEAGE_API_KEY}`, and must not be empty), an `endpoint` path starting with `/`, and a `namespace` of letters, digits, `.`, `_` or `-`.',
  },
  MW8851: {
    title: 'Invalid OpenLineage event',
    fix: 'Fix the field named by the JSON pointer in the message (see docs/reference/openlineage.md for what is required); the OpenLineage client libraries produce valid events.',
  },
  MW8852: {
    title: 'Not allowed to send lineage events',
    fix: 'Post with a token of a service account of mesh.yaml (scope `publish`), or of a principal that may administer the mesh (scope `admin`).',
  },
  MW8853: {
    title: 'Too many lineage events in one batch',
    fix: 'Split the batch: at most 1000 events per `POST /api/v1/lineage/batch`.',
  },
  MW8854: {
    title: 'Lineage event too large',
    fix: 'Send at most 1 MiB per event (10 MiB per batch); leave bulky facets out or split the batch.',
  },
  MW8855: {
    title: 'OpenLineage event not delivered',
    fix: 'Check that the OpenLineage endpoint in mesh.yaml `openlineage.url` is up and accepts the API key; runs are never affected, and later events are still sent.',
  },
} as const satisfies Record<string, { readonly title: string; readonly fix: string }>;

export type OpenLineageCode = keyof typeof OPENLINEAGE_CODES;
