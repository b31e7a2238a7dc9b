/**
 * Whether a path lives on a network or FUSE file system, where `stat` may be answered from the
 * client's attribute cache for seconds after another machine replaced the file — unlike `open`,
 * which NFS revalidates (close-to-open consistency). The pointer cache trusts `stat` only on
 * local file systems (pointer-cache.ts).
 */
import { statfsSync } from 'node:fs';
import { dirname } from 'node:path';

/** `f_type` magic numbers of statfs(2) for file systems shared over a network or through FUSE. */
const SHARED_FILE_SYSTEMS = new Set([
  0x6969, // NFS
  0x517b, // SMB
  0xff534d42, // CIFS
  0xfe534d42, // SMB2
  0x65735546, // FUSE (sshfs, s3fs, gcsfuse, …)
  0x00c36400, // Ceph
  0x01161970, // GFS2
  0x7461636f, // OCFS2
  0x5346414f, // AFS
  0x01021997, // 9P
  0x0bd00bd0, // Lustre
  0x47504653, // GPFS
]);

export function isSharedFileSystemType(type: number): boolean {
  return SHARED_FILE_SYSTEMS.has(type);
}

/** Checks the path, or its nearest existing ancestor (the warehouse may not exist yet). */
export function onSharedFileSystem(path: string): boolean {
  for (let current = path; ; current = dirname(current)) {
    try {
      return isSharedFileSystemType(Number(statfsSync(current).type));
    } catch (error) {
      const parent = dirname(current);
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || parent === current) return true;
    }
  }
}
