/**
 * Reads the source files of a workspace from disk for the isomorphic loader in core: only the
 * paths the layout knows, each size-checked and strictly UTF-8 decoded. Read problems become
 * diagnostics, so a bad file never stops the rest of the workspace from being checked.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { GLOSSARY_FOLDER, isWorkspaceSourcePath, MESH_FILE, WORKSPACE_CODES, type Diagnostic } from '@meshwork/core';

export const DEFAULT_MAX_FILE_BYTES = 4 * 1024 * 1024;

export interface WorkspaceFiles {
  readonly root: string;
  readonly files: Map<string, string>;
  /** Paths that exist but are not needed as text to build the model (SQL steps). */
  readonly otherPaths: string[];
  readonly diagnostics: Diagnostic[];
}

export async function readWorkspaceFiles(root: string): Promise<WorkspaceFiles> {
  const files = new Map<string, string>();
  const diagnostics: Diagnostic[] = [];
  const paths = listSourcePaths(root);
  let maxBytes = DEFAULT_MAX_FILE_BYTES;

  // Synchronous on purpose: for tens of thousands of small files, sync reads are about 4x
  // faster than promise-based ones (no thread-pool hop per call); loading is a startup step.
  const readOne = (path: string): void => {
    const full = join(root, path);
    try {
      const info = statSync(full);
      if (info.size > maxBytes) {
        diagnostics.push({
          code: 'MW1005',
          severity: 'error',
          file: path,
          message: `${path} is ${info.size} bytes; the limit is ${maxBytes}`,
          fix: WORKSPACE_CODES.MW1005.fix,
        });
        return;
      }
      const bytes = readFileSync(full);
      const text = decodeUtf8(path, bytes, diagnostics);
      if (text !== undefined) files.set(path, text);
    } catch (error) {
      diagnostics.push({
        code: 'MW1007',
        severity: 'error',
        file: path,
        message: `${path} cannot be read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
        fix: WORKSPACE_CODES.MW1007.fix,
      });
    }
  };

  // mesh.yaml first: it may raise the size limit for everything else.
  if (paths.includes(MESH_FILE)) {
    readOne(MESH_FILE);
    maxBytes = configuredLimit(files.get(MESH_FILE)) ?? maxBytes;
  }
  // SQL steps only need to exist for validation; the runtime reads them when it runs them.
  const otherPaths = paths.filter((p) => p.endsWith('.sql'));
  for (const path of paths) if (path !== MESH_FILE && !path.endsWith('.sql')) readOne(path);
  return { root, files, otherPaths, diagnostics };
}

/** mesh.yaml, glossary/*.yaml, domains/<d>/domain.yaml and the files directly inside domains/<d>/<p>/. */
function listSourcePaths(root: string): string[] {
  const out: string[] = [];
  const entries = (dir: string) => {
    try {
      return readdirSync(join(root, dir), { withFileTypes: true }).filter((e) => !e.name.startsWith('.'));
    } catch {
      return [];
    }
  };
  for (const e of entries('')) if (e.isFile() && e.name === MESH_FILE) out.push(MESH_FILE);
  for (const e of entries(GLOSSARY_FOLDER)) {
    const path = `${GLOSSARY_FOLDER}/${e.name}`;
    if (e.isFile() && isWorkspaceSourcePath(path)) out.push(path);
  }
  for (const domain of entries('domains')) {
    if (!domain.isDirectory()) continue;
    for (const e of entries(`domains/${domain.name}`)) {
      const path = `domains/${domain.name}/${e.name}`;
      if (e.isFile() && isWorkspaceSourcePath(path)) out.push(path);
      if (!e.isDirectory()) continue;
      for (const f of entries(path)) {
        const file = `${path}/${f.name}`;
        if (f.isFile() && isWorkspaceSourcePath(file)) out.push(file);
      }
    }
  }
  return out.sort();
}

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

function decodeUtf8(path: string, bytes: Buffer, diagnostics: Diagnostic[]): string | undefined {
  try {
    return decoder.decode(bytes);
  } catch {
    const offset = firstInvalidUtf8Offset(bytes);
    const before = bytes.subarray(0, offset);
    const line = before.filter((b) => b === 0x0a).length + 1;
    const column = offset - (before.lastIndexOf(0x0a) + 1) + 1;
    diagnostics.push({
      code: 'MW1002',
      severity: 'error',
      file: path,
      line,
      column,
      message: `${path} is not valid UTF-8 (byte 0x${bytes[offset]?.toString(16).padStart(2, '0')} at offset ${offset})`,
      fix: WORKSPACE_CODES.MW1002.fix,
    });
    return undefined;
  }
}

function firstInvalidUtf8Offset(bytes: Buffer): number {
  // Binary search on prefix validity would misfire on cut sequences; scan sequences instead.
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const length = b < 0x80 ? 1 : b >> 5 === 0x6 ? 2 : b >> 4 === 0xe ? 3 : b >> 3 === 0x1e ? 4 : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += length;
  }
  return Math.max(0, bytes.length - 1);
}

function configuredLimit(meshText: string | undefined): number | undefined {
  const match = meshText && /^\s*maxFileBytes:\s*(\d+)\s*$/m.exec(meshText);
  return match ? Number(match[1]) : undefined;
}
