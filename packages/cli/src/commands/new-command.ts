/** `mesh new domain <name>` and `mesh new product <domain>/<product>`. */
import type { Command } from 'commander';
import { relative } from 'node:path';
import { InputError } from '@meshwork/core';
import { newDomain, newProduct } from '@meshwork/server';
import { openWorkspace, outputFor, type CliContext } from '../cli-context.js';

export function registerNew(program: Command, ctx: CliContext): void {
  const command = program.command('new').description('scaffold a domain or a data product from templates');

  command
    .command('domain')
    .description('create domains/<name>/domain.yaml')
    .argument('<name>', 'domain name, e.g. sales')
    .option('--owner <team>', 'owning team from mesh.yaml (default: the first team declared)')
    .action(async (name: string, options: { owner?: string }) => {
      const { root, model } = await openWorkspace(ctx);
      const owner = options.owner ?? model.teams.keys().next().value;
      const dir = await newDomain(root, name, owner);
      outputFor(ctx, {}).line(`Created domain ${name} in ${relative(ctx.cwd, dir) || '.'}`);
    });

  command
    .command('product')
    .description('create a data product: product.odps.yaml, <port>.odcs.yaml, pipeline.yaml and a SQL step')
    .argument('<domain/product>', 'e.g. sales/orders')
    .option('--archetype <archetype>', 'source-aligned | aggregate | consumer-aligned', 'source-aligned')
    .action(async (ref: string, options: { archetype: string }) => {
      const [domain, product, ...rest] = ref.split(/[/.]/);
      if (!domain || !product || rest.length > 0) {
        throw new InputError('MW7002', `"${ref}" is not <domain>/<product>, e.g. sales/orders`);
      }
      const { root } = await openWorkspace(ctx);
      const dir = await newProduct(root, domain, product, options.archetype);
      const out = outputFor(ctx, {});
      out.line(`Created ${options.archetype} product ${domain}.${product} in ${relative(ctx.cwd, dir)}`);
      out.line('Edit the descriptor, contract and SQL, then run `mesh validate`.');
    });
}
