/**
 * The `mesh` command's composition root and its only error edge: domain errors become a
 * coded message and exit 1, usage errors exit 2, and anything else is reported as a bug.
 */
import { Command, CommanderError } from 'commander';
import { isMeshworkError } from '@meshwork/core';
import type { CliContext } from './cli-context.js';
import { createCliOutput, type CliStreams } from './output/cli-output.js';
import { printDiagnostics } from './output/print-diagnostics.js';
import { registerCommands } from './commands/register-commands.js';

export interface MainOptions {
  readonly streams?: CliStreams;
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly cwd?: string;
  /** For in-process use: resolves when a long-running command should stop. */
  readonly shutdown?: Promise<void>;
}

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

export async function main(argv: readonly string[], options: MainOptions = {}): Promise<number> {
  const ctx: CliContext = {
    streams: options.streams ?? { stdout: process.stdout, stderr: process.stderr },
    env: options.env ?? process.env,
    cwd: options.cwd ?? process.cwd(),
    exitCode: EXIT_OK,
    waitForShutdown: () => options.shutdown ?? signalled(),
  };
  const program = createProgram(ctx);

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return ctx.exitCode;
  } catch (error) {
    return reportError(ctx, error);
  }
}

/** Resolves on the first SIGINT or SIGTERM; a second one of either ends the process at once. */
function signalled(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.removeListener('SIGINT', stop);
      process.removeListener('SIGTERM', stop);
      process.once('SIGINT', () => killedBy('SIGINT'));
      process.once('SIGTERM', () => killedBy('SIGTERM'));
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

/**
 * The signal's own default action: the process ends now, as the shell expects (status 130 after
 * Ctrl-C, 143 after SIGTERM). `process.exit` would first wait for native work such as a DuckDB
 * query in progress; nothing Meshwork writes depends on an orderly exit.
 */
function killedBy(signal: NodeJS.Signals): void {
  process.removeAllListeners(signal);
  process.kill(process.pid, signal);
}

/** The whole command tree; also used to generate docs/reference/cli.md. */
export function createProgram(ctx: CliContext): Command {
  const program = new Command('mesh')
    .description('Meshwork — a data mesh platform: mesh as code, governed SQL, catalog and lineage.')
    .version('0.1.0', '-v, --version')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => void ctx.streams.stdout.write(s),
      writeErr: (s) => void ctx.streams.stderr.write(s),
    });
  registerCommands(program, ctx);
  return program;
}

/** Failures of the machine, not of Meshwork: permissions, full disks, missing folders. */
const FILE_SYSTEM_ERRORS = new Set([
  'EACCES',
  'EPERM',
  'ENOSPC',
  'EROFS',
  'ENOENT',
  'ENOTDIR',
  'EISDIR',
  'EEXIST',
  'EDQUOT',
  'EMFILE',
]);

function reportError(ctx: CliContext, error: unknown): number {
  if (error instanceof CommanderError) {
    // --help and --version exit through here with code 0.
    return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
  }
  const out = createCliOutput(ctx.streams, { json: false, color: !!ctx.streams.stderr.isTTY && !ctx.env.NO_COLOR });
  if (isMeshworkError(error)) {
    printDiagnostics(out, error.diagnostics);
    out.error(`${out.style.red('error')} ${error.code}: ${error.message}`);
    return EXIT_FAILURE;
  }
  const fsError = error as NodeJS.ErrnoException;
  if (typeof fsError?.code === 'string' && typeof fsError.path === 'string' && FILE_SYSTEM_ERRORS.has(fsError.code)) {
    out.error(
      `${out.style.red('error')} MW1009: cannot ${fsError.syscall ?? 'access'} ${fsError.path}: ${fsError.code}`,
    );
    return EXIT_FAILURE;
  }
  const message = error instanceof Error ? error.message : String(error);
  out.error(`${out.style.red('internal error')}: ${message}`);
  out.error('This is a bug in Meshwork. Set MESHWORK_DEBUG=1 for details and report it.');
  if (ctx.env.MESHWORK_DEBUG && error instanceof Error && error.stack) out.error(error.stack);
  return EXIT_FAILURE;
}
