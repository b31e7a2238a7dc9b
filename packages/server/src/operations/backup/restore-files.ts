/**
 * Files out of a backup: each copied with its checksum computed on the way and compared with
 * backup.json, so a damaged file is refused by name before anything it fed becomes visible.
 */
import { mkdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { InputError } from '@meshwork/core';
import type { BackupFile, BackupManifest } from './backup-manifest.js';
import { copyWithChecksum, type FileDigest } from './file-checksums.js';

export class BackupReader {
  readonly #byPath: ReadonlyMap<string, BackupFile>;

  constructor(
    readonly folder: string,
    readonly manifest: BackupManifest,
  ) {
    this.#byPath = new Map(manifest.files.map((file) => [file.path, file]));
  }

  /** Files under a `/`-separated prefix (`warehouse/`), as listed in the manifest. */
  filesUnder(prefix: string): readonly BackupFile[] {
    return this.manifest.files.filter((file) => file.path.startsWith(prefix));
  }

  has(path: string): boolean {
    return this.#byPath.has(path);
  }

  /** Where a listed file is in the backup; MW8313 when backup.json does not list it. */
  pathOf(relative: string): string {
    if (!this.#byPath.has(relative)) throw damaged(this.folder, relative, 'backup.json does not list it');
    return join(this.folder, ...relative.split('/'));
  }

  /** Copies a listed file to `target`, refusing it (MW8313, target removed) when it does not match. */
  async copyOut(relative: string, target: string, mode?: number): Promise<void> {
    const source = this.pathOf(relative);
    await mkdir(dirname(target), { recursive: true });
    let digest: FileDigest;
    try {
      digest = await copyWithChecksum(source, target, mode);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT' && (error as NodeJS.ErrnoException).path === source) {
        throw damaged(this.folder, relative, 'the file is missing');
      }
      throw error;
    }
    try {
      this.check(relative, digest);
    } catch (error) {
      await rm(target, { force: true });
      throw error;
    }
  }

  /** MW8313 unless `digest` is what backup.json says of `relative`. */
  check(relative: string, digest: FileDigest): void {
    const expected = this.#byPath.get(relative);
    if (!expected) throw damaged(this.folder, relative, 'backup.json does not list it');
    if (expected.bytes !== digest.bytes) {
      throw damaged(this.folder, relative, `it has ${digest.bytes} bytes, backup.json says ${expected.bytes}`);
    }
    if (expected.sha256 !== digest.sha256)
      throw damaged(this.folder, relative, 'its SHA-256 does not match backup.json');
  }
}

function damaged(folder: string, relative: string, why: string): InputError {
  return new InputError('MW8313', `the backup ${folder} is damaged: ${relative}: ${why}; nothing was restored`);
}
