/**
 * Where access policies live and how they are read: Cedar policies in `policies/access/*.cedar`
 * (governance council) and `domains/<domain>/policies/*.cedar` (each domain's team), masking
 * rules and row filters beside the global policies, policy tests in `policies/access/tests/`.
 * Read problems are diagnostics; a file that cannot be read never stops the others.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '@meshwork/core';
import { filesIn, foldersIn } from '../workspace/folder-listing.js';
import { ACCESS_CODES } from './access-codes.js';

export const ACCESS_POLICY_DIR = 'policies/access';
export const MASKING_FILE = `${ACCESS_POLICY_DIR}/masking.yaml`;
export const ROW_FILTERS_FILE = `${ACCESS_POLICY_DIR}/row-filters.yaml`;
export const POLICY_TESTS_DIR = `${ACCESS_POLICY_DIR}/tests`;
const MAX_BYTES = 1024 * 1024;

export interface PolicyFile {
  /** Workspace-relative, forward slashes. */
  readonly path: string;
  /** Set for domain policies: the domain whose folder holds the file. */
  readonly domain?: string;
}

/** Every Cedar policy file, global ones first, each group sorted by path. */
export function listPolicyFiles(root: string): PolicyFile[] {
  const global = listFiles(root, ACCESS_POLICY_DIR, '.cedar').map((path) => ({ path }));
  const domains = foldersIn(root, 'domains').flatMap((domain) =>
    listFiles(root, `domains/${domain}/policies`, '.cedar').map((path) => ({ path, domain })),
  );
  return [...global, ...domains];
}

export function listPolicyTestFiles(root: string): string[] {
  return [...listFiles(root, POLICY_TESTS_DIR, '.yaml'), ...listFiles(root, POLICY_TESTS_DIR, '.yml')].sort();
}

export function fileExists(root: string, path: string): boolean {
  try {
    return statSync(join(root, path)).isFile();
  } catch {
    return false;
  }
}

/** The file's text, strictly UTF-8, or a diagnostic saying why not. */
export function readAccessFile(root: string, path: string): { text: string } | { diagnostic: Diagnostic } {
  const fail = (message: string) => ({
    diagnostic: {
      code: 'MW5507',
      severity: 'error',
      file: path,
      message,
      fix: ACCESS_CODES.MW5507.fix,
    } satisfies Diagnostic,
  });
  try {
    const bytes = readFileSync(join(root, path));
    if (bytes.length > MAX_BYTES) return fail(`${path} is ${bytes.length} bytes; the limit is ${MAX_BYTES}`);
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch (error) {
    if (error instanceof TypeError) return fail(`${path} is not valid UTF-8`);
    return fail(`${path} cannot be read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

function listFiles(root: string, dir: string, suffix: string): string[] {
  return filesIn(root, dir, (name) => name.endsWith(suffix));
}
