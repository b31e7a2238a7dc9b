/**
 * Metadata files of managed tables, under the warehouse:
 *
 *     <warehouse>/.catalog/<level>/<level>…/<table>/metadata/<00000>-<uuid>.metadata.json
 *
 * A file is written once, synced, under a name no other commit can pick (the uuid), and never
 * changed: only the pointer in the metadata store says which one is current. So a file can be
 * cached by its location forever, a losing commit's file is simply deleted, and a crash between
 * writing a file and moving the pointer leaves an unreferenced file, never a torn current one.
 * The metadata folder is ours whatever `location` a client sets: a client can never make the
 * server write outside `.catalog`.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, open, readFile, rm } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isMeshworkError, UnavailableError } from '@meshwork/core';
import { stringifyIcebergJson } from '../iceberg-json.js';
import { decodeTableMetadata } from '../format/table-metadata-json.js';
import type { IcebergTableMetadata } from '../table-metadata.js';
import type { Namespace } from './catalog-names.js';

export interface LoadedMetadata {
  /** The file's text as written: what loadTable sends, without re-serialising. */
  readonly text: string;
  readonly metadata: IcebergTableMetadata;
}

/** Parsed files kept in memory (their text size counted twice, for the parsed copy); files never change. */
const CACHE_BYTES = 128 * 1024 * 1024;

export class MetadataFiles {
  readonly root: string;
  readonly #cache = new Map<string, LoadedMetadata>();
  #cachedBytes = 0;

  constructor(warehouseRoot: string) {
    this.root = join(warehouseRoot, '.catalog');
  }

  /** The table's default location (a `file://` URL of its folder). */
  tableLocation(namespace: Namespace, table: string): string {
    return pathToFileURL(join(this.root, ...namespace, table)).href;
  }

  /** Writes the metadata as the table's next version and returns its location. */
  async write(namespace: Namespace, table: string, version: number, metadata: IcebergTableMetadata): Promise<string> {
    const name = `${String(version).padStart(5, '0')}-${randomUUID()}.metadata.json`;
    const path = join(this.root, ...namespace, table, 'metadata', name);
    const text = stringifyIcebergJson(metadata);
    await storage('write', path, async () => {
      await mkdir(dirname(path), { recursive: true });
      const handle = await open(path, 'wx');
      try {
        await handle.writeFile(text, 'utf8');
        await handle.sync();
      } finally {
        await handle.close();
      }
    });
    const location = pathToFileURL(path).href;
    this.#remember(location, { text, metadata });
    return location;
  }

  async read(location: string): Promise<LoadedMetadata> {
    const cached = this.#cache.get(location);
    if (cached) return cached;
    const path = this.#pathOf(location);
    const text = await storage('read', path, () => readFile(path, 'utf8'));
    let metadata: IcebergTableMetadata;
    try {
      metadata = decodeTableMetadata(text, path);
    } catch (error) {
      const reason = isMeshworkError(error) || error instanceof SyntaxError ? error.message : String(error);
      throw new UnavailableError('MW8268', `metadata file ${path} is damaged (${reason})`);
    }
    const loaded = { text, metadata };
    this.#remember(location, loaded);
    return loaded;
  }

  /** Removes a file no pointer refers to (a commit that lost its race). */
  async remove(location: string): Promise<void> {
    this.#forget(location);
    await rm(this.#pathOf(location), { force: true });
  }

  /** Removes a dropped table's folder (purgeRequested). */
  async purge(namespace: Namespace, table: string): Promise<void> {
    const folder = join(this.root, ...namespace, table);
    await storage('remove', folder, () => rm(folder, { recursive: true, force: true }));
  }

  #pathOf(location: string): string {
    let path: string;
    try {
      path = fileURLToPath(location);
    } catch {
      throw new UnavailableError('MW8268', `metadata location ${location} is not a file URL`);
    }
    const inside = relative(this.root, path);
    if (inside === '' || inside.startsWith('..') || inside.startsWith(sep)) {
      throw new UnavailableError('MW8268', `metadata location ${location} is outside the catalog folder ${this.root}`);
    }
    return path;
  }

  #remember(location: string, loaded: LoadedMetadata): void {
    const size = 2 * loaded.text.length;
    if (size > CACHE_BYTES / 8) return;
    while (this.#cachedBytes + size > CACHE_BYTES) this.#forget(this.#cache.keys().next().value!);
    this.#cache.set(location, loaded);
    this.#cachedBytes += size;
  }

  #forget(location: string): void {
    const loaded = this.#cache.get(location);
    if (!loaded) return;
    this.#cache.delete(location);
    this.#cachedBytes -= 2 * loaded.text.length;
  }
}

async function storage<T>(action: string, path: string, operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code !== 'string' || !/^E[A-Z]+$/.test(code)) throw error;
    throw new UnavailableError('MW8268', `cannot ${action} ${path} (${code})`);
  }
}
