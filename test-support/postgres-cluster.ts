/**
 * Starts a throwaway PostgreSQL cluster for a test run: initdb into a temporary directory, trust
 * authentication on a free localhost port, its socket inside the directory, durability switched
 * off (the data dies with the run anyway). Runs as the `postgres` OS user when we are root,
 * because PostgreSQL refuses to run as root.
 */
import { execFile, execFileSync } from 'node:child_process';
import {
  chownSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface PostgresCluster {
  /** `postgres://postgres@127.0.0.1:<port>/postgres`, a superuser without a password. */
  readonly url: string;
  stop(): Promise<void>;
}

/** The directory holding initdb and pg_ctl of one installation, or undefined when there is none. */
export function findPostgresBinaries(): string | undefined {
  const onPath = (process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, 'initdb'));
  const debian = existsSync('/usr/lib/postgresql')
    ? readdirSync('/usr/lib/postgresql')
        .sort((a, b) => Number(b) - Number(a))
        .map((version) => join('/usr/lib/postgresql', version, 'bin', 'initdb'))
    : [];
  const initdb = [...onPath, ...debian].find((file) => existsSync(file));
  // Follow symlinks (/usr/local/bin/initdb → /usr/lib/postgresql/15/bin) so pg_ctl matches initdb.
  const dir = initdb && dirname(realpathSync(initdb));
  return dir && existsSync(join(dir, 'pg_ctl')) ? dir : undefined;
}

const PREFIX = 'meshwork-pg-';
const OWNER_FILE = 'owner.pid';

export async function startPostgresCluster(binDir: string): Promise<PostgresCluster> {
  const pgCtl = join(binDir, 'pg_ctl');
  await reapOrphans(pgCtl);
  const dir = mkdtempSync(join(tmpdir(), PREFIX));
  // Lets a later run find and stop this cluster if this process dies without its teardown.
  writeFileSync(join(dir, OWNER_FILE), String(process.pid));
  const data = join(dir, 'data');
  const log = join(dir, 'postgres.log');
  const asOwner = ownerCommand(dir);
  const port = await freePort();
  try {
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
    const settings = [
      `-p ${port}`,
      `-k ${dir}`,
      '-c listen_addresses=127.0.0.1',
      '-c max_connections=300',
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
    ].join(' ');
    await run(...asOwner(pgCtl, ['start', '-D', data, '-l', log, '-w', '-t', '60', '-o', settings]));
  } catch (error) {
    const output = existsSync(log) ? readFileSync(log, 'utf8') : '';
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`could not start PostgreSQL from ${binDir}: ${String(error)}\n${output}`, { cause: error });
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      try {
        await run(...asOwner(pgCtl, ['stop', '-D', data, '-m', 'fast', '-w']));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** Stops and removes clusters whose test run was killed before its teardown ran. */
async function reapOrphans(pgCtl: string): Promise<void> {
  for (const name of readdirSync(tmpdir()).filter((n) => n.startsWith(PREFIX))) {
    const dir = join(tmpdir(), name);
    const ownerFile = join(dir, OWNER_FILE);
    if (!existsSync(ownerFile) || isAlive(Number(readFileSync(ownerFile, 'utf8')))) continue;
    if (existsSync(join(dir, 'data', 'postmaster.pid'))) {
      await run(...ownerCommand(dir)(pgCtl, ['stop', '-D', join(dir, 'data'), '-m', 'immediate'])).catch(
        () => undefined,
      );
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

type Command = [file: string, args: string[]];

/** When root, hands the directory to `postgres` and wraps every command in `runuser`. */
function ownerCommand(dir: string): (file: string, args: string[]) => Command {
  if (process.getuid?.() !== 0) return (file, args) => [file, args];
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  chownSync(dir, uid, gid);
  return (file, args) => ['runuser', ['-u', 'postgres', '--', file, ...args]];
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
