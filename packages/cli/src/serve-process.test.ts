/**
 * `mesh serve` as a real process, as users run it: it prints its URLs, answers HTTP, refuses a
 * second server on the same workspace, and stops cleanly on Ctrl-C (SIGINT) with exit code 0.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTempWorkspace, type TempWorkspace } from '../../server/src/test-support/temp-workspace.js';
import { runCli } from './test-support/run-cli.js';

const bin = join(import.meta.dirname, '../bin/mesh.js');
let ws: TempWorkspace;

beforeAll(async () => {
  expect(existsSync(join(import.meta.dirname, '../dist/main.js')), 'run `npm run build` first').toBe(true);
  ws = await createTempWorkspace([['sales', 'orders']]);
});
afterAll(() => ws?.dispose());

function start(): { child: ChildProcess; output: () => string; url: Promise<string> } {
  const child = spawn(process.execPath, [bin, 'serve', '--port', '0'], {
    cwd: ws.root,
    env: { ...process.env, NO_COLOR: '1' },
  });
  let text = '';
  child.stdout!.on('data', (d) => (text += String(d)));
  child.stderr!.on('data', (d) => (text += String(d)));
  const url = new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const match = /API\s+(http:\/\/[^/\s]+)/.exec(text);
      if (match) {
        clearInterval(timer);
        resolve(match[1]!);
      }
    }, 50);
    child.once('exit', (code) => {
      clearInterval(timer);
      reject(new Error(`mesh serve exited with ${code}: ${text}`));
    });
  });
  return { child, output: () => text, url };
}

it('serves, refuses a second server, and stops on SIGINT with exit 0', async () => {
  const first = start();
  const url = await first.url;
  expect(await (await fetch(`${url}/healthz`)).json()).toEqual({ status: 'ok' });
  // Created while the server runs: the server reads tokens from the store on every request.
  const created = await runCli(['token', 'create', 'admin', '--json'], ws.root);
  expect(created.code, created.stderr).toBe(0);
  const { token } = JSON.parse(created.stdout) as { token: string };
  const products = (await (
    await fetch(`${url}/api/v1/products`, { headers: { authorization: `Bearer ${token}` } })
  ).json()) as { items: { id: string }[] };
  expect(products.items.map((p) => p.id)).toEqual(['sales.orders']);

  const second = start();
  const secondExit = await new Promise<number | null>((resolve) => second.child.once('exit', resolve));
  second.url.catch(() => undefined);
  expect(secondExit).toBe(1);
  expect(second.output()).toContain('MW9003');

  const exited = new Promise<number | null>((resolve) => first.child.once('exit', resolve));
  first.child.kill('SIGINT');
  expect(await exited).toBe(0);
  expect(first.output()).toContain('stopped');
  expect(existsSync(join(ws.root, '.meshwork/serve.lock'))).toBe(false);
});
