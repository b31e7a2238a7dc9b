/** `mesh init <dir>`: a new workspace. */
import type { Command } from 'commander';
import { initWorkspace } from '@meshwork/server';
import { outputFor, type CliContext } from '../cli-context.js';
import { resolve } from 'node:path';

export function registerInit(program: Command, ctx: CliContext): void {
  program
    .command('init')
    .description('create a new mesh workspace (mesh.yaml, domains/, policies/, glossary/)')
    .argument('<dir>', 'folder to create the workspace in (new or empty)')
    .option('--name <name>', 'mesh name (default: the folder name)')
    .action(async (dir: string, options: { name?: string }) => {
      const out = outputFor(ctx, {});
      const root = await initWorkspace(resolve(ctx.cwd, dir), options.name);
      out.line(`Created a mesh workspace in ${root}`);
      out.line(`Next: cd ${dir} && mesh new domain <name> && mesh new product <domain>/<product>`);
    });
}
