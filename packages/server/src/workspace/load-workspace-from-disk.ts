/**
 * The server's entry to a workspace: read the files, then build the model with core's loader.
 * `env` is passed in by the composition root (nothing below main reads process.env).
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { loadWorkspace, MESH_FILE, type LoadResult } from '@meshwork/core';
import { parseYamlInParallel } from './parallel-yaml.js';
import { readWorkspaceFiles } from './read-workspace-files.js';

export interface DiskLoadResult extends LoadResult {
  readonly root: string;
}

export async function loadWorkspaceFromDisk(
  root: string,
  env: Readonly<Record<string, string | undefined>>,
): Promise<DiskLoadResult> {
  const { files, otherPaths, diagnostics } = await readWorkspaceFiles(root);
  const parsed = await parseYamlInParallel(files);
  const result = loadWorkspace({ files, otherPaths, env, readDiagnostics: diagnostics, parsed });
  return { ...result, root };
}

/** The nearest folder at or above `start` that has a mesh.yaml, like git finds its repository. */
export function findWorkspaceRoot(start: string): string | undefined {
  let dir = resolve(start);
  for (;;) {
    if (existsSync(join(dir, MESH_FILE))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
