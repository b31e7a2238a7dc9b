/**
 * `mesh export catalog --format dcat` (the workspace as DCAT-3 JSON-LD) and `mesh export all
 * --out <dir>` (every ODPS/ODCS document, byte for byte, with an index.json). The CLI exports
 * everything the local workspace holds: whoever can read the files can read the documents, so no
 * discover policy applies here (the API's `GET /api/v1/catalog/dcat` filters by principal).
 */
import { resolve } from 'node:path';
import { buildDcatCatalog, InputError } from '@meshwork/core';
import { exportAllDocuments, FORMAT_MEDIA_TYPES, writeFileAtomically } from '@meshwork/server';
import { openWorkspace, outputFor, type CliContext } from '../cli-context.js';

/** Where `mesh serve` listens by default. */
export const DEFAULT_BASE_URL = 'http://127.0.0.1:8080';

export interface ExportCatalogOptions {
  /** Only `dcat` so far. */
  readonly format?: string;
  readonly out?: string;
  readonly baseUrl?: string;
}

export async function exportCatalog(ctx: CliContext, options: ExportCatalogOptions): Promise<void> {
  const out = outputFor(ctx, {});
  const format = options.format ?? 'dcat';
  if (format !== 'dcat') throw new InputError('MW7017', `unknown catalog format "${format}"; use --format dcat`);
  const baseUrl = options.baseUrl ?? DEFAULT_BASE_URL;
  if (!/^https?:\/\/[^/]/.test(baseUrl)) {
    throw new InputError('MW7017', `--base-url "${baseUrl}" is not an http(s) URL, e.g. https://mesh.example.com`);
  }
  const { model } = await openWorkspace(ctx);
  const document = buildDcatCatalog(model, { baseUrl, mediaTypes: Object.values(FORMAT_MEDIA_TYPES) });
  const text = `${JSON.stringify(document, null, 2)}\n`;
  if (options.out) {
    await writeFileAtomically(resolve(ctx.cwd, options.out), text);
    out.note(`wrote ${options.out} (${model.products.size} datasets)`);
  } else {
    ctx.streams.stdout.write(text);
  }
}

export async function exportAll(ctx: CliContext, options: { readonly out?: string }): Promise<void> {
  const out = outputFor(ctx, {});
  if (!options.out)
    throw new InputError('MW7017', '`mesh export all` needs --out <dir> (a folder that does not exist yet)');
  const { model, root } = await openWorkspace(ctx);
  const result = await exportAllDocuments({ root, model, out: resolve(ctx.cwd, options.out) });
  out.line(`Exported ${result.documents} documents of ${result.products} products to ${options.out}`);
}
