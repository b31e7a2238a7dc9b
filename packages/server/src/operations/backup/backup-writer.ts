/**
 * Files going into a backup folder being written, each recorded with its size and SHA-256 for
 * the manifest. Paths are relative to the folder and `/`-separated.
 */
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { BackupFile } from './backup-manifest.js';
import { checksumFile, copyWithChecksum, syncFile, type FileDigest } from './file-checksums.js';

export class BackupWriter {
  readonly #files: BackupFile[] = [];

  constructor(readonly folder: string) {}

  get files(): readonly BackupFile[] {
    return this.#files;
  }

  /** Where `relative` goes on disk (its folder is created). */
  async pathFor(relative: string): Promise<string> {
    const path = join(this.folder, ...relative.split('/'));
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    return path;
  }

  /** Copies a file in. */
  async copy(relative: string, source: string, mode?: number): Promise<void> {
    this.#record(relative, await copyWithChecksum(source, await this.pathFor(relative), mode));
  }

  /** Records a file written in place by someone else (a database backup, an export). */
  async record(relative: string): Promise<void> {
    const path = join(this.folder, ...relative.split('/'));
    await syncFile(path);
    this.#record(relative, await checksumFile(path));
  }

  /** Records a file whose digest was computed while it was written. */
  recordDigest(relative: string, digest: FileDigest): void {
    this.#record(relative, digest);
  }

  #record(path: string, digest: FileDigest): void {
    this.#files.push({ path, bytes: digest.bytes, sha256: digest.sha256 });
  }
}
