/**
 * `mesh backup <dir>` and `mesh restore <dir>`: the workspace's platform state — metadata store,
 * warehouse snapshots, masking key — into a checksummed backup folder while servers run, and
 * back into an empty workspace state (docs/operations/backup-and-restore.md). For crash tests
 * only, MESHWORK_FAULT_PAUSE_AT=restore-staged|restore-committing makes a restore announce
 * `MESHWORK_PAUSED <point>` on stderr and wait there to be killed.
 */
import type { Command } from 'commander';
import { InputError } from '@meshwork/core';
import { createBackup, restoreBackup, type BackupManifest, type RestoreFaultPoint } from '@meshwork/server';
import { openWorkspace, outputFor, type CliContext } from '../cli-context.js';
import type { CliOutput } from '../output/cli-output.js';

export function registerBackup(program: Command, ctx: CliContext): void {
  program
    .command('backup')
    .description('back up the metadata store, the published snapshots and the masking key into a new folder')
    .argument('<dir>', 'the backup folder to create (new or empty)')
    .option('--lock-wait <seconds>', 'how long to wait for a product whose run is publishing', '600')
    .option('--json', 'print the backup manifest as JSON')
    .action(async (dir: string, flags: { lockWait: string; json?: boolean }) => {
      const out = outputFor(ctx, { json: flags.json });
      const workspace = await openWorkspace(ctx);
      const summary = await createBackup({
        root: workspace.root,
        model: workspace.model,
        env: ctx.env,
        target: dir,
        lockWaitMs: seconds(flags.lockWait, '--lock-wait') * 1000,
        onTable: (table) =>
          out.note(`  ${table.productId} ${table.port} v${table.major}: ${table.snapshots} snapshot(s)`),
      });
      if (flags.json) return out.value({ folder: summary.folder, ...summary.manifest });
      out.line(`Backed up to ${summary.folder}`);
      printContents(out, summary.manifest);
    });

  program
    .command('restore')
    .description('restore a backup into this workspace, whose metadata store and warehouse must be empty')
    .argument('<dir>', 'a folder written by `mesh backup`')
    .option('--json', 'print what was restored as JSON')
    .action(async (dir: string, flags: { json?: boolean }) => {
      const out = outputFor(ctx, { json: flags.json });
      const workspace = await openWorkspace(ctx);
      const summary = await restoreBackup({
        root: workspace.root,
        model: workspace.model,
        env: ctx.env,
        source: dir,
        ...faultPoint(ctx),
      });
      for (const note of summary.notes) out.note(`${out.style.yellow('note')} ${note}`);
      if (flags.json) {
        const { files, ...manifest } = summary.manifest;
        return out.value({ resumed: summary.resumed, files: files.length, ...manifest, notes: summary.notes });
      }
      out.line(
        summary.resumed
          ? `Finished the interrupted restore of ${dir} into ${workspace.root}`
          : `Restored ${dir} into ${workspace.root}`,
      );
      printContents(out, summary.manifest);
    });
}

function printContents(out: CliOutput, manifest: BackupManifest): void {
  const bytes = manifest.files.reduce((sum, file) => sum + file.bytes, 0);
  const head = manifest.store.auditHead;
  out.line(`  taken       ${manifest.createdAt} by Meshwork ${manifest.meshworkVersion} (mesh ${manifest.mesh})`);
  out.line(
    `  store       ${manifest.store.kind}, ${manifest.store.migrations.length} migrations, audit log ${head ? `${head.seq} events, head ${head.hash.slice(0, 12)}…` : 'empty'}`,
  );
  out.line(
    `  warehouse   ${manifest.warehouse.tables.length} tables, ${manifest.warehouse.tables.reduce((n, t) => n + t.snapshots, 0)} snapshots`,
  );
  out.line(`  files       ${manifest.files.length} (${(bytes / 1024 / 1024).toFixed(1)} MiB), SHA-256 in backup.json`);
  if (manifest.maskingKey) out.line('  secrets     the masking key (keep the backup as private as the key)');
}

function seconds(text: string, flag: string): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value < 0) {
    throw new InputError('MW8305', `${flag} must be a number of seconds, not ${JSON.stringify(text)}`);
  }
  return value;
}

/** MESHWORK_FAULT_PAUSE_AT=restore-<point>: announce and wait to be killed (crash tests). */
function faultPoint(ctx: CliContext): { faultPoint?: (point: RestoreFaultPoint) => Promise<void> } {
  const pauseAt = ctx.env.MESHWORK_FAULT_PAUSE_AT;
  if (!pauseAt?.startsWith('restore-')) return {};
  return {
    faultPoint: async (point) => {
      if (`restore-${point}` !== pauseAt) return;
      ctx.streams.stderr.write(`MESHWORK_PAUSED ${pauseAt}\n`);
      // A pending promise alone does not keep Node alive: a timer does.
      await new Promise(() => setInterval(() => undefined, 60_000));
    },
  };
}
