/** Codes of operating `mesh serve`: metrics, readiness, shutdown, backups and restores (MW8301–MW8349). */
export const OPERATIONS_CODES = {
  MW8301: {
    title: 'Metrics need a credential',
    fix: 'Scrape `/metrics` with `Authorization: Bearer <token>` of a service account of mesh.yaml or of someone who administers the mesh (`mesh token create prometheus --expires 365d`), or start the server with `--metrics public` on a private network.',
  },
  MW8302: {
    title: 'Not allowed to read metrics',
    fix: 'Use a token of a service account of mesh.yaml, or of a principal the access policies allow to `administer` the mesh (token scope `admin`).',
  },
  MW8303: {
    title: 'Server not ready',
    fix: 'Wait: the server is starting or stopping, or its metadata store does not answer (check the database, then `/readyz` again).',
  },
  MW8304: {
    title: 'Run cancelled by shutdown',
    fix: 'The server stopped before the run finished within the shutdown grace period; nothing was published. Run the product again (`mesh run <product>`), or give shutdowns more time (`mesh serve --shutdown-grace <seconds>`).',
  },
  MW8305: {
    title: 'Invalid operations option',
    fix: 'Use `--shutdown-grace <seconds>` (0–3600), `--metrics auth|public|off` and MESHWORK_LOG=json|off, as `mesh serve --help` shows.',
  },
  MW8310: {
    title: 'Backup folder not empty',
    fix: 'Back up into a new or empty folder (`mesh backup backups/2026-07-01`); backups are never written over.',
  },
  MW8311: {
    title: 'Not a Meshwork backup',
    fix: 'Point `mesh restore` at a folder written by `mesh backup` (it holds backup.json); an interrupted backup leaves no such folder — take it again.',
  },
  MW8312: {
    title: 'Backup format not supported',
    fix: 'The backup was written by a newer Meshwork: restore it with that version (or newer).',
  },
  MW8313: {
    title: 'Backup damaged',
    fix: 'A file of the backup is missing or does not match its checksum in backup.json: restore from another copy of the backup.',
  },
  MW8314: {
    title: 'Restore target not empty',
    fix: 'Restore into an empty workspace state: a new SQLite file (move `.meshwork/` away) or a new PostgreSQL database or schema, and an empty warehouse folder.',
  },
  MW8315: {
    title: 'Backup of another metadata store kind',
    fix: 'Restore a SQLite backup into a workspace on SQLite and a PostgreSQL backup into one on PostgreSQL (`metadataStore` in mesh.yaml, or MESHWORK_DATABASE_URL).',
  },
  MW8316: {
    title: 'Backup of a newer Meshwork',
    fix: 'The backup holds database migrations this Meshwork does not know: upgrade Meshwork, then restore.',
  },
  MW8317: {
    title: 'Product busy during backup',
    fix: 'A run held the product’s lock for longer than the backup waits (`--lock-wait`): back up again when it has finished, or wait longer.',
  },
  MW8318: {
    title: 'Restored audit log does not verify',
    fix: 'The audit chain of the backup is broken or does not end at the head recorded in backup.json: restore from another backup; the target was left unchanged.',
  },
  MW8319: {
    title: 'Nothing to back up',
    fix: 'The workspace has no metadata store yet (run or serve it first), or mesh.yaml `metadataStore` / MESHWORK_DATABASE_URL names another one: check them.',
  },
  MW8320: {
    title: 'Restore unfinished',
    fix: 'A `mesh restore` stopped while it was putting the restored state in place (`.meshwork/restore-journal.json` exists): run the same `mesh restore <backup>` again to finish it, then start the server or run the command again.',
  },
} as const satisfies Record<string, { readonly title: string; readonly fix: string }>;

export type OperationsCode = keyof typeof OPERATIONS_CODES;
