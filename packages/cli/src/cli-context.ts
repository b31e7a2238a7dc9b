/**
 * Everything a command may use from the outside world, handed down from `main`: streams,
 * the environment and the working directory. Commands never touch `process` themselves,
 * which keeps them testable in-process.
 */
import { resolve } from 'node:path';
import { InputError } from '@meshwork/core';
import { findWorkspaceRoot, loadWorkspaceFromDisk, type DiskLoadResult } from '@meshwork/server';
import { createCliOutput, type CliOutput, type CliStreams } from './output/cli-output.js';

export interface CliContext {
  readonly streams: CliStreams;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** Set by a command to report failure without throwing (e.g. validation found errors). */
  exitCode: number;
  /** Resolves when the process is asked to stop (SIGINT, SIGTERM): long-running commands await it. */
  waitForShutdown(): Promise<void>;
}

export function outputFor(ctx: CliContext, options: { json?: boolean }): CliOutput {
  const color = !!ctx.streams.stdout.isTTY && !ctx.env.NO_COLOR && !options.json;
  return createCliOutput(ctx.streams, { json: !!options.json, color });
}

/**
 * The workspace at `dir` exactly, or — without `dir` — the nearest one at or above the working
 * directory, loaded. A folder without mesh.yaml loads as a diagnostic (MW1001), not a throw.
 */
export async function openWorkspace(ctx: CliContext, dir?: string): Promise<DiskLoadResult> {
  if (dir !== undefined) return loadWorkspaceFromDisk(resolve(ctx.cwd, dir), ctx.env);
  const start = ctx.cwd;
  const root = findWorkspaceRoot(start);
  if (!root) {
    throw new InputError(
      'MW1001',
      `${start} is not inside a mesh workspace (no mesh.yaml here or above); create one with \`mesh init <dir>\``,
    );
  }
  return loadWorkspaceFromDisk(root, ctx.env);
}
