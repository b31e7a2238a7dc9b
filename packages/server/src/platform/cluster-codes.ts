/** Codes of running several `mesh serve` processes on one metadata store and warehouse (MW8350–MW8379). */
export const CLUSTER_CODES = {
  MW8350: {
    title: 'HTTP port in use',
    fix: 'Another process — often another `mesh serve` — listens on that address. Give every server on one machine its own ports: `mesh serve --port 8081 --wire-port 5434` (or `--port 0` for any free one).',
  },
  MW8351: {
    title: 'PostgreSQL wire port in use',
    fix: 'Another process — often another `mesh serve` — listens on that port (5433 by default). Give every server on one machine its own: `mesh serve --wire-port 5434`, or `--no-wire`.',
  },
  MW8352: {
    title: 'Scheduled run skipped: its slot could not be claimed',
    fix: 'The metadata store did not answer when the slot came due, so the server did not run it rather than risk running it twice. Check the store (`/readyz`); the next slot runs as usual, or run the product by hand (`mesh run`).',
  },
  MW8353: {
    title: 'Masking key not shared between servers',
    fix: 'With PostgreSQL, servers on other machines must mask with the same key or their tokens differ: set the same `MESHWORK_MASKING_KEY` (64+ hex digits) for every `mesh serve` of the mesh.',
  },
} as const satisfies Record<string, { readonly title: string; readonly fix: string }>;

export type ClusterCode = keyof typeof CLUSTER_CODES;
