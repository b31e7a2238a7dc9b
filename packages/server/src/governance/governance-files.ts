/**
 * Where publish-time governance lives in a workspace, and reading it:
 *   policies/governance/*.yaml                   global policies (the governance council's)
 *   domains/<domain>/policies/governance/*.yaml  domain policies (the domain team's)
 *   policies/governance/waivers.yaml             waivers
 *   policies/governance/tests/*.yaml             policy tests
 * A file that cannot be read is a diagnostic; it never stops the others from loading.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic, PolicySourceFile } from '@meshwork/core';
import { filesIn, foldersIn } from '../workspace/folder-listing.js';

export const GOVERNANCE_DIR = 'policies/governance';
export const WAIVERS_FILE = `${GOVERNANCE_DIR}/waivers.yaml`;
export const GOVERNANCE_TESTS_DIR = `${GOVERNANCE_DIR}/tests`;
const MAX_BYTES = 1024 * 1024;

export interface GovernanceFiles {
  readonly policies: readonly PolicySourceFile[];
  readonly waivers?: { readonly path: string; readonly text: string };
  readonly tests: readonly { readonly path: string; readonly text: string }[];
  readonly diagnostics: readonly Diagnostic[];
}

export function readGovernanceFiles(root: string): GovernanceFiles {
  const diagnostics: Diagnostic[] = [];
  const read = (path: string) => readText(root, path, diagnostics);
  const policies: PolicySourceFile[] = [];
  for (const path of yamlFiles(root, GOVERNANCE_DIR)) {
    if (path === WAIVERS_FILE) continue;
    const text = read(path);
    if (text !== undefined) policies.push({ path, text });
  }
  for (const domain of foldersIn(root, 'domains')) {
    for (const path of yamlFiles(root, `domains/${domain}/policies/governance`)) {
      const text = read(path);
      if (text !== undefined) policies.push({ path, text, domain });
    }
  }
  const waiverText = yamlFiles(root, GOVERNANCE_DIR).includes(WAIVERS_FILE) ? read(WAIVERS_FILE) : undefined;
  const tests = yamlFiles(root, GOVERNANCE_TESTS_DIR).flatMap((path) => {
    const text = read(path);
    return text === undefined ? [] : [{ path, text }];
  });
  return {
    policies,
    ...(waiverText !== undefined ? { waivers: { path: WAIVERS_FILE, text: waiverText } } : {}),
    tests,
    diagnostics,
  };
}

/** Reads one policy file given by path (for `mesh policy simulate <file>`), relative to root or absolute. */
export function readPolicyFile(root: string, path: string, diagnostics: Diagnostic[]): string | undefined {
  return readText(root, path, diagnostics);
}

function readText(root: string, path: string, diagnostics: Diagnostic[]): string | undefined {
  try {
    const bytes = readFileSync(join(root, path));
    if (bytes.length > MAX_BYTES) {
      diagnostics.push(fileProblem(path, `${path} is ${bytes.length} bytes; the limit is ${MAX_BYTES}`, 'MW1005'));
      return undefined;
    }
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (error) {
    if (error instanceof TypeError) diagnostics.push(fileProblem(path, `${path} is not valid UTF-8`, 'MW1002'));
    else
      diagnostics.push(
        fileProblem(
          path,
          `${path} cannot be read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
          'MW1007',
        ),
      );
    return undefined;
  }
}

function fileProblem(file: string, message: string, code: 'MW1002' | 'MW1005' | 'MW1007'): Diagnostic {
  const fix = { MW1002: 'Save the file as UTF-8.', MW1005: 'Split the file.', MW1007: 'Check the file permissions.' }[
    code
  ];
  return { code, severity: 'error', file, message, fix };
}

function yamlFiles(root: string, dir: string): string[] {
  return filesIn(root, dir, (name) => /\.ya?ml$/.test(name));
}
