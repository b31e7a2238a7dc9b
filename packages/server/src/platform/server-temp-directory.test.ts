/** Spill folders: shared by the one SQLite server, one per server with PostgreSQL, dead ones removed. */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { serverTempDirectory } from './server-temp-directory.js';

const root = mkdtempSync(join(tmpdir(), 'meshwork-temp-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

it('keeps .meshwork/tmp for SQLite and gives each PostgreSQL server its own folder', () => {
  const sqlite = serverTempDirectory(root, 'sqlite');
  expect(sqlite.path).toBe(join(root, '.meshwork', 'tmp'));
  sqlite.remove();
  const first = serverTempDirectory(root, 'postgres');
  const second = serverTempDirectory(root, 'postgres');
  expect(first.path).not.toBe(second.path);
  expect(first.path.startsWith(join(root, '.meshwork', 'tmp', 'servers', `${hostname()}-${process.pid}-`))).toBe(true);
  mkdirSync(first.path, { recursive: true });
  first.remove();
  expect(existsSync(first.path)).toBe(false);
});

it("removes the folders of this host's dead servers, and nobody else's", () => {
  const servers = join(root, '.meshwork', 'tmp', 'servers');
  // A pid far above any pid_max is never alive.
  const dead = join(servers, `${hostname()}-99999999-0badc0de`);
  const live = join(servers, `${hostname()}-${process.pid}-00000000`);
  const elsewhere = join(servers, `other-host-99999999-0badc0de`);
  for (const folder of [dead, live, elsewhere]) mkdirSync(folder, { recursive: true });
  serverTempDirectory(root, 'postgres');
  expect([existsSync(dead), existsSync(live), existsSync(elsewhere)]).toEqual([false, true, true]);
});
