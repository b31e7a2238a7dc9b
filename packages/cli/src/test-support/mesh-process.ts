/**
 * `mesh` as a real child process, for tests that need a second process or a hard crash: two runs
 * of one product at once, or `kill -9` at a fault point. The child runs the sources through
 * cli-typescript-hooks.mjs. With MESHWORK_FAULT_PAUSE_AT=<point> it prints
 * `MESHWORK_PAUSED <point>` on stderr and waits there to be killed (see runtime-for.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const register = new URL('./register-cli-typescript.mjs', import.meta.url).href;
const entry = fileURLToPath(new URL('./mesh-child.ts', import.meta.url));

export interface MeshExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface MeshProcess {
  readonly process: ChildProcess;
  /** Resolves once the child printed `MESHWORK_PAUSED <point>`; rejects if it exits first. */
  paused(point: string, timeoutMs?: number): Promise<void>;
  /** SIGKILL: no `finally`, no exit handler, no lock release. Resolves once the child is reaped. */
  killHard(): Promise<MeshExit>;
  readonly exited: Promise<MeshExit>;
}

export function spawnMesh(args: readonly string[], cwd: string, env: Record<string, string> = {}): MeshProcess {
  const child = spawn(process.execPath, ['--import', register, entry, ...args], {
    cwd,
    env: { ...process.env, NO_COLOR: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const listeners = new Set<() => void>();
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    for (const listener of listeners) listener();
  });
  const exited = new Promise<MeshExit>((resolve) =>
    child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return {
    process: child,
    exited,
    paused: (point, timeoutMs = 30_000) =>
      new Promise<void>((resolve, reject) => {
        const marker = `MESHWORK_PAUSED ${point}\n`;
        const timer = setTimeout(
          () => done(new Error(`no ${marker.trim()} within ${timeoutMs} ms:\n${stderr}`)),
          timeoutMs,
        );
        const check = () => {
          if (stderr.includes(marker)) done();
        };
        const done = (error?: Error) => {
          clearTimeout(timer);
          listeners.delete(check);
          if (error) reject(error);
          else resolve();
        };
        listeners.add(check);
        check();
        void exited.then((exit) =>
          done(
            new Error(
              `mesh exited (${exit.code ?? exit.signal}) before ${marker.trim()}:\n${exit.stdout}\n${exit.stderr}`,
            ),
          ),
        );
      }),
    killHard: async () => {
      child.kill('SIGKILL');
      return exited;
    },
  };
}
