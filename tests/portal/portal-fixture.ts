/**
 * What every portal end-to-end test starts from: the demo mesh built small in a temporary
 * directory, a fresh production build of the portal, a real server, and headless Chromium
 * (Debian's `chromium` through playwright-core). Pages record console errors and warnings so a
 * test can assert there were none. Each test file starts its own (vitest runs files apart).
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startPlatform, type DemoToken, type RunningPlatform } from '@meshwork/server';
import { componentAvailable } from '../../test-support/components.js';
import { runCli } from '../../packages/cli/src/test-support/run-cli.js';

const run = promisify(execFile);
export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = componentAvailable(
  'chromium',
  existsSync(CHROMIUM),
  "install Debian's Chromium (apt-get install chromium); .ci/run does",
);
export const repo = join(import.meta.dirname, '../..');

export interface PortalFixture {
  readonly root: string;
  readonly platform: RunningPlatform;
  readonly demoUsers: readonly DemoToken[];
  readonly browser: Browser;
  /** Absolute URL of a portal path. */
  url(path: string): string;
  /** A fresh browser context (own session storage) at 1280×800 with a page that records problems. */
  newPage(viewport?: { width: number; height: number }): Promise<{ context: BrowserContext; page: Page }>;
  /** Console errors and warnings and page errors seen so far, on every page. */
  readonly problems: string[];
  /** Signs the page in as a demo user by picking it on the login page; waits for the marketplace. */
  signIn(page: Page, name: RegExp): Promise<void>;
  close(): Promise<void>;
}

export interface PortalFixtureOptions {
  /** Changes the demo workspace after it is copied and built, before the server starts. */
  readonly prepare?: (root: string) => Promise<void>;
}

export async function startPortalFixture(options: PortalFixtureOptions = {}): Promise<PortalFixture> {
  const dir = await mkdtemp(join(tmpdir(), 'meshwork-portal-e2e-'));
  const root = join(dir, 'demo-mesh');
  const portal = join(dir, 'portal');
  // The portal as `npm run build` makes it, from the current sources (never a stale dist/), in
  // production mode: vitest's NODE_ENV=test would give React's slower development build.
  const portalBuild = run(
    process.execPath,
    [join(repo, 'node_modules/vite/bin/vite.js'), 'build', 'packages/portal', '--outDir', portal, '--logLevel', 'warn'],
    { cwd: repo, env: { ...process.env, NODE_ENV: 'production' } },
  );
  portalBuild.catch(() => undefined); // awaited below; this only keeps an early failure handled
  await cp(join(repo, 'examples/demo-mesh'), root, {
    recursive: true,
    filter: (src) => !src.includes('.meshwork') && !src.includes('/data/'),
  });
  const built = await runCli(['demo', root, '--no-serve', '--scale', '0.02'], root);
  if (built.code !== 0) throw new Error(`the demo did not build: ${built.stderr}`);
  await options.prepare?.(root);
  const demoUsers = JSON.parse(await readFile(join(root, '.meshwork', 'demo-tokens.json'), 'utf8')) as DemoToken[];
  await portalBuild;
  const platform = await startPlatform({ root, env: {}, port: 0, wirePort: false, demoUsers, portalRoot: portal });
  // Scorecards are computed in the background after a start; pages show them.
  await platform.services.health.refresh();
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
  const problems: string[] = [];
  const url = (path: string) => `${platform.url}${path}`;
  return {
    root,
    platform,
    demoUsers,
    browser,
    url,
    problems,
    newPage: async (viewport = { width: 1280, height: 800 }) => {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      page.on('console', (message) => {
        if (message.type() === 'error' || message.type() === 'warning') problems.push(`console: ${message.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      return { context, page };
    },
    signIn: async (page, name) => {
      await page.goto(url('/login'));
      await page.getByRole('button', { name }).click();
      await page.getByRole('heading', { level: 1, name: 'Marketplace' }).waitFor();
    },
    close: async () => {
      await browser.close();
      await platform.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * With MESHWORK_SCREENSHOTS=<dir> (`npm run docs:screenshots`), saves what the page shows as
 * `<dir>/<name>` for the docs; otherwise does nothing.
 */
export async function saveScreenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  const dir = process.env.MESHWORK_SCREENSHOTS;
  if (!dir) return;
  await mkdir(join(repo, dir), { recursive: true });
  await page.screenshot({ path: join(repo, dir, name), ...options });
}
