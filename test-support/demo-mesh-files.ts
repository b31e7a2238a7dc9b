/** The source files of examples/demo-mesh by workspace path (no SQL, no data), for tests that load it in memory. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export const DEMO_MESH_ROOT = join(import.meta.dirname, '../examples/demo-mesh');

/** `keep(path)` picks the files, e.g. core's `isWorkspaceSourcePath`. */
export function demoMeshFiles(keep: (path: string) => boolean): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const full = join(dir, entry.name);
      const path = relative(DEMO_MESH_ROOT, full).split('\\').join('/');
      if (entry.isDirectory()) walk(full);
      else if (keep(path) && !path.endsWith('.sql')) files.set(path, readFileSync(full, 'utf8'));
    }
  };
  walk(DEMO_MESH_ROOT);
  return files;
}
