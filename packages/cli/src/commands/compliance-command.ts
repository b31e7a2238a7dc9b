/**
 * `mesh compliance`: pass / fail / waived / error counts per policy or per domain from the latest
 * whole-mesh governance check, and with --history their totals over time.
 */
import { Option, type Command } from 'commander';
import { openWorkspace, outputFor, type CliContext } from '../cli-context.js';
import { withMetadataStore } from '../metadata-store-for.js';
import { complianceRows, type ComplianceGrouping } from '@meshwork/server';

export function registerCompliance(program: Command, ctx: CliContext): void {
  program
    .command('compliance')
    .description('governance compliance per policy or per domain, now (latest `mesh check`) or over time')
    .addOption(new Option('--by <grouping>', 'group the counts').choices(['policy', 'domain']).default('policy'))
    .option('--policy <id>', 'only this policy')
    .option('--domain <domain>', 'only this domain')
    .option('--history', 'totals per check over time instead of the latest check')
    .option('--limit <n>', 'checks shown with --history', '20')
    .option('--json', 'print JSON')
    .action(
      async (options: {
        by: string;
        policy?: string;
        domain?: string;
        history?: boolean;
        limit: string;
        json?: boolean;
      }) => {
        const out = outputFor(ctx, options);
        const workspace = await openWorkspace(ctx);
        await withMetadataStore(ctx, workspace, async (store) => {
          if (options.history) {
            const history = await store.complianceHistory({
              ...(options.policy ? { policyId: options.policy } : {}),
              ...(options.domain ? { domain: options.domain } : {}),
              limit: Number(options.limit),
            });
            if (options.json) return out.value({ history });
            out.table(
              ['checked at', 'passed', 'failed', 'waived', 'errors'],
              history.map((h) => [h.checkedAt, String(h.passed), String(h.failed), String(h.waived), String(h.errors)]),
            );
            return;
          }
          const latest = await store.latestGovernanceCheck();
          if (!latest) {
            if (options.json) return out.value({ check: null, rows: [] });
            out.note('no governance check recorded yet: run `mesh check` (or start the server)');
            return;
          }
          const grouping: ComplianceGrouping = options.by === 'domain' ? 'domain' : 'policy';
          const rows = complianceRows(latest.counts, grouping, { policyId: options.policy, domain: options.domain });
          if (options.json)
            return out.value({ check: { id: latest.id, checkedAt: latest.checkedAt, trigger: latest.trigger }, rows });
          out.note(
            `latest check ${latest.id} at ${latest.checkedAt} (${latest.trigger}) over ${latest.productCount} products`,
          );
          out.table(
            [grouping, 'passed', 'failed', 'waived', 'errors', 'compliant'],
            rows.map((r) => [
              r.key,
              String(r.passed),
              String(r.failed),
              String(r.waived),
              String(r.errors),
              `${r.compliantPct}%`,
            ]),
          );
        });
      },
    );
}
