/** `mesh audit log` and `mesh audit verify`: read and check the tamper-evident audit log. */
import type { Command } from 'commander';
import { openWorkspace, outputFor, type CliContext } from '../cli-context.js';
import { withMetadataStore } from '../metadata-store-for.js';

export function registerAudit(program: Command, ctx: CliContext): void {
  const audit = program.command('audit').description('the append-only, hash-chained audit log');

  audit
    .command('log')
    .description('list audit events, oldest first')
    .option('--after <seq>', 'only events after this sequence number', '0')
    .option('--limit <n>', 'at most this many events (1-1000)', '50')
    .option('--resource <urn>', 'only events about this resource')
    .option('--actor <id>', 'only events by this actor')
    .option('--json', 'print JSON')
    .action(async (options: { after: string; limit: string; resource?: string; actor?: string; json?: boolean }) => {
      const out = outputFor(ctx, options);
      const workspace = await openWorkspace(ctx);
      const page = await withMetadataStore(ctx, workspace, (store) =>
        store.listAudit({
          after: Number(options.after),
          limit: Number(options.limit),
          resource: options.resource,
          actor: options.actor,
        }),
      );
      if (options.json) return out.value(page);
      out.table(
        ['seq', 'at', 'actor', 'action', 'resource'],
        page.items.map((e) => [String(e.seq), e.at, e.actor, e.action, e.resource]),
      );
      if (page.next !== undefined) out.note(`more: mesh audit log --after ${page.next}`);
    });

  audit
    .command('verify')
    .description('recompute the hash chain and report the first event that was changed, removed or reordered')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      const out = outputFor(ctx, options);
      const workspace = await openWorkspace(ctx);
      const result = await withMetadataStore(ctx, workspace, (store) => store.verifyAudit());
      if (options.json) out.value(result);
      else if (result.ok)
        out.line(out.style.green(`✓ audit log intact: ${result.count} events, head ${result.headHash}`));
      else
        out.line(
          out.style.red(
            `✗ audit log tampered at event ${result.firstBadSeq}: ${result.reason} (${result.count} events checked)`,
          ),
        );
      if (!result.ok) ctx.exitCode = 1;
    });
}
