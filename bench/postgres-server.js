// A throwaway PostgreSQL server for the wire benchmark's reference numbers: initdb into a temp
// folder, trust authentication on a free localhost port, durability off (the data dies with the
// bench). PostgreSQL refuses to run as root, so as root every command runs as `postgres`.
import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** initdb/pg_ctl of the newest installed PostgreSQL (Debian layout), or undefined. */
export function postgresBinaries() {
  if (!existsSync('/usr/lib/postgresql')) return undefined;
  const versions = readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a));
  const dir = versions.map((v) => join('/usr/lib/postgresql', v, 'bin')).find((d) => existsSync(join(d, 'pg_ctl')));
  return dir;
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Starts a server; returns its port, a psql runner and stop(). */
export async function startPostgres(binDir) {
  const dir = mkdtempSync(join(tmpdir(), 'meshwork-bench-pg-'));
  const data = join(dir, 'data');
  const asOwner = ownerCommand(dir);
  const port = await freePort();
  await run(
    ...asOwner(join(binDir, 'initdb'), [
      '-D',
      data,
      '-U',
      'postgres',
      '-A',
      'trust',
      '-E',
      'UTF8',
      '--locale=C',
      '--no-sync',
    ]),
  );
  // Same durability shortcuts as the test cluster; shared_buffers big enough for the bench tables.
  const settings = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=100 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=256MB`;
  await run(
    ...asOwner(join(binDir, 'pg_ctl'), [
      'start',
      '-D',
      data,
      '-l',
      join(dir, 'postgres.log'),
      '-w',
      '-t',
      '60',
      '-o',
      settings,
    ]),
  );
  const psql = (args) =>
    run(
      'psql',
      [
        '-X',
        '-q',
        '-v',
        'ON_ERROR_STOP=1',
        '-h',
        '127.0.0.1',
        '-p',
        String(port),
        '-U',
        'postgres',
        '-d',
        'postgres',
        ...args,
      ],
      {
        maxBuffer: 64 * 1024 * 1024,
      },
    );
  return {
    port,
    psql,
    async stop() {
      try {
        await run(...asOwner(join(binDir, 'pg_ctl'), ['stop', '-D', data, '-m', 'fast', '-w']));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

function ownerCommand(dir) {
  if (process.getuid?.() !== 0) return (file, args) => [file, args];
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  chownSync(dir, uid, gid);
  return (file, args) => ['runuser', ['-u', 'postgres', '--', file, ...args]];
}
