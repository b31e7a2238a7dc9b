/**
 * Spawning warehouse-child.ts as a real Node process and talking to it line by line.
 * The child runs the TypeScript sources through typescript-hooks.mjs (why: see that file).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { ChildOrder } from './warehouse-child.js';

const register = new URL('./register-typescript.mjs', import.meta.url).href;
const script = fileURLToPath(new URL('./warehouse-child.ts', import.meta.url));

export interface RunningChild {
  readonly process: ChildProcess;
  /** The next line the child prints (rejects if it exits first). */
  nextLine(): Promise<string>;
  /** Resolves with the signal (or exit code) once the child is gone and reaped. */
  readonly exited: Promise<NodeJS.Signals | number | null>;
}

export function spawnChild(order: ChildOrder): RunningChild {
  const child = spawn(process.execPath, ['--import', register, script, JSON.stringify(order)], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(signal ?? code)),
  );
  const lines: string[] = [];
  const waiting: ((line: string) => void)[] = [];
  createInterface({ input: child.stdout! }).on('line', (line) => {
    const next = waiting.shift();
    if (next) next(line);
    else lines.push(line);
  });
  return {
    process: child,
    exited,
    nextLine: () =>
      lines.length > 0
        ? Promise.resolve(lines.shift()!)
        : Promise.race([
            new Promise<string>((resolve) => waiting.push(resolve)),
            exited.then((status) => {
              throw new Error(`child exited (${String(status)}) before printing a line: ${stderr}`);
            }),
          ]),
  };
}

/** SIGKILL: no `finally`, no exit handler, no lock release — the hardest crash a process can have. */
export async function killHard(child: RunningChild): Promise<void> {
  child.process.kill('SIGKILL');
  await child.exited;
}

/**
 * Starts and stops one child so that the transpile cache is filled before the real cases spawn
 * theirs side by side (otherwise each would load the compiler at the same time).
 */
export async function warmUpChildren(root: string): Promise<void> {
  const child = spawnChild({
    mode: 'lock',
    root,
    table: { productId: 'warm.up', port: 'warm', major: 1 },
    runId: 'warm-up',
  });
  child.process.stdin!.end();
  await child.exited;
}
