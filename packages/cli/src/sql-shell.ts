/**
 * The loop of `mesh sql`, over node:readline. On a terminal: prompts, line editing and an
 * in-memory history, statements over several lines until `;`, backslash commands, and Ctrl-C
 * cancelling the running query (or dropping the unfinished statement) instead of quitting.
 * Otherwise (a pipe, a file) it reads the statements from the input without prompts, so
 * `echo "SELECT 1;" | mesh sql` works; a last statement without `;` runs too.
 */
import { createInterface } from 'node:readline';
import { isMeshworkError } from '@meshwork/core';
import type { CliOutput } from './output/cli-output.js';
import { StatementBuffer } from './sql-statements.js';

export interface ShellActions {
  /** Runs one statement and prints its result; `signal` aborts it (Ctrl-C). */
  run(sql: string, signal: AbortSignal): Promise<void>;
  /** `\dt` */
  listRelations(): Promise<void>;
  /** `\d <relation>` */
  describe(relation: string): Promise<void>;
}

export interface ShellOptions {
  readonly input: NodeJS.ReadableStream;
  /** The terminal to prompt and echo on; without it the input is read as a script. */
  readonly terminal?: NodeJS.WritableStream;
  readonly out: CliOutput;
  readonly actions: ShellActions;
}

const PROMPT = 'mesh> ';
const MORE = '  ..> ';
const HELP = [
  'End each statement with ;  (a statement may span lines)',
  '\\dt             the relations you may query',
  '\\d <relation>   the columns of a relation, and which you would see masked',
  '\\q              quit (or Ctrl-D); Ctrl-C cancels the running query',
];

/** Runs until `\q` or the end of the input; resolves to the number of statements and commands that failed. */
export async function runSqlShell(options: ShellOptions): Promise<number> {
  const { out, actions } = options;
  const interactive = options.terminal !== undefined;
  const lines = createInterface({
    input: options.input,
    ...(options.terminal ? { output: options.terminal } : {}),
    terminal: interactive,
    historySize: interactive ? 1000 : 0,
    prompt: PROMPT,
  });
  const buffer = new StatementBuffer();
  let running: AbortController | undefined;
  let failures = 0;
  const prompt = () => {
    if (!interactive) return;
    lines.setPrompt(buffer.pending ? MORE : PROMPT);
    lines.prompt();
  };
  lines.on('SIGINT', () => {
    if (running) return running.abort();
    if (buffer.pending) buffer.clear();
    else out.note('(\\q quits)');
    lines.write('\n');
    prompt();
  });
  const attempt = async (work: (signal: AbortSignal) => Promise<void>) => {
    running = new AbortController();
    try {
      await work(running.signal);
    } catch (error) {
      if (!isMeshworkError(error)) throw error;
      out.error(`${out.style.red('error')} ${error.code}: ${error.message}`);
      failures++;
    } finally {
      running = undefined;
    }
  };

  if (interactive) out.note(`Meshwork SQL — ${HELP[0]}; \\? for help`);
  prompt();
  for await (const line of lines) {
    const command = !buffer.pending && line.trim().startsWith('\\') ? line.trim().split(/\s+/) : undefined;
    if (command?.[0] === '\\q') break;
    if (command) {
      const [name, argument] = command;
      if (name === '\\dt') await attempt(() => actions.listRelations());
      else if (name === '\\d' && argument) await attempt(() => actions.describe(argument));
      else if (name === '\\?') HELP.forEach((text) => out.line(text));
      else {
        out.error(`${out.style.red('error')} unknown command ${name}; \\? lists them`);
        failures++;
      }
    } else {
      for (const sql of buffer.push(line)) await attempt((signal) => actions.run(sql, signal));
    }
    prompt();
  }
  const rest = buffer.take();
  if (rest) await attempt((signal) => actions.run(rest, signal));
  lines.close();
  return failures;
}
