// Builds the portal (packages/portal → packages/portal/dist) with Vite, unless the build is newer
// than every file it is made from: `npm start` runs this on every start and a warm start must stay
// quick, while a `git pull` that changed the portal still gets it rebuilt. `--force` always builds.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const portal = join(root, 'packages/portal');
const built = join(portal, 'dist/index.html');
const inputs = [
  join(portal, 'src'),
  join(portal, 'index.html'),
  join(portal, 'vite.config.ts'),
  join(portal, 'package.json'),
  join(root, 'package-lock.json'),
];

/** The latest modification time under a path (files and folders alike). */
function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((latest, name) => Math.max(latest, newest(join(path, name))), stat.mtimeMs);
}

const force = process.argv.includes('--force');
if (!force && existsSync(built) && statSync(built).mtimeMs >= Math.max(...inputs.map(newest))) {
  console.error('portal: up to date');
} else {
  const started = performance.now();
  await build({ root: portal, logLevel: 'warn' });
  console.error(`portal: built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
