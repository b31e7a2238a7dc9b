/**
 * Listing a workspace folder for the policy loaders: workspace-relative paths of the files whose
 * names pass a test, or the names of the sub-folders, sorted. A missing folder lists nothing.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export function filesIn(root: string, dir: string, accept: (name: string) => boolean): string[] {
  return entries(root, dir)
    .filter((entry) => entry.isFile() && accept(entry.name))
    .map((entry) => `${dir}/${entry.name}`)
    .sort();
}

export function foldersIn(root: string, dir: string): string[] {
  return entries(root, dir)
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

function entries(root: string, dir: string) {
  try {
    return readdirSync(join(root, dir), { withFileTypes: true });
  } catch {
    return [];
  }
}
