/**
 * Files copied and checked with their SHA-256, in one pass over the bytes, and made durable
 * (fsync) before anyone relies on them: a backup is only worth its last flushed byte.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export interface FileDigest {
  readonly bytes: number;
  readonly sha256: string;
}

/** Copies `source` to a new file `target` (never over an existing one) and returns what was copied. */
export async function copyWithChecksum(source: string, target: string, mode = 0o644): Promise<FileDigest> {
  const digest = digestStream();
  await pipeline(createReadStream(source), digest.stream, createWriteStream(target, { flags: 'wx', mode }));
  await syncFile(target);
  return digest.result();
}

/** The size and SHA-256 of a file. */
export async function checksumFile(path: string): Promise<FileDigest> {
  const digest = digestStream();
  const discard = new Writable({ write: (_chunk, _encoding, done) => done() });
  await pipeline(createReadStream(path), digest.stream, discard);
  return digest.result();
}

/** A pass-through that counts and hashes what flows through it. */
export function digestStream(): { readonly stream: Transform; result(): FileDigest } {
  const hash = createHash('sha256');
  let bytes = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  return { stream, result: () => ({ bytes, sha256: hash.digest('hex') }) };
}

/** fsync of a file or a folder (so a rename into it, or its new entries, survive a crash). */
export async function syncFile(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
