/**
 * `mesh demo [dir]` — what `npm start` runs: builds the demo mesh if it is not built yet
 * (generated data, every product run in dependency order, with progress), then serves it and
 * prints the URLs and the demo users. `--no-serve` stops after the build (for scripts and tests).
 */
import type { Command } from 'commander';
import { InputError, hasErrors } from '@meshwork/core';
import {
  buildDemo,
  demoTokensFile,
  ensureDemoAccess,
  ensureDemoTokens,
  loadAccessPolicies,
  startPlatform,
  type DemoToken,
} from '@meshwork/server';
import { openWorkspace, outputFor, type CliContext } from '../cli-context.js';
import { withMetadataStore } from '../metadata-store-for.js';
import { printDiagnostics } from '../output/print-diagnostics.js';
import { createRunProgress } from '../output/run-progress.js';
import { runtimeFor } from '../runtime-for.js';

export function registerDemo(program: Command, ctx: CliContext): void {
  program
    .command('demo')
    .description('build the demo mesh if needed (data, runs), then serve it')
    .argument('[dir]', 'demo workspace', 'examples/demo-mesh')
    .option('--scale <n>', 'data size, 1 = full (5M+ rows in the largest product)', '1')
    .option('--rebuild', 'regenerate the data and run everything again')
    .option('--no-serve', 'stop after building')
    .option('--port <port>', 'HTTP port', '8080')
    .option('--wire-port <port>', 'PostgreSQL wire protocol port', '5433')
    .action(
      async (
        dir: string,
        flags: { scale: string; rebuild?: boolean; serve: boolean; port: string; wirePort: string },
      ) => {
        const out = outputFor(ctx, {});
        const started = performance.now();
        const workspace = await openWorkspace(ctx, dir);
        const { model, diagnostics, root } = workspace;
        if (hasErrors(diagnostics)) {
          printDiagnostics(out, diagnostics);
          throw new InputError('MW8008', `the demo workspace ${root} has validation errors`);
        }
        const scale = Number(flags.scale);
        const live = !!ctx.streams.stderr.isTTY;
        const progress = createRunProgress(ctx.streams, out, live);
        let tokens: DemoToken[] = [];
        const build = await withMetadataStore(ctx, workspace, async (store) => {
          const runtime = runtimeFor(ctx, workspace, store, live ? progress.observer : undefined);
          try {
            const result = await buildDemo(runtime, model, diagnostics, {
              scale,
              rebuild: flags.rebuild,
              onData: (file) => out.note(`  generated ${file.path} (${file.rows.toLocaleString()} rows)`),
            });
            await ensureDemoAccess(store, model, loadAccessPolicies(root, model).authorizer);
            tokens = await ensureDemoTokens({ store, model, file: demoTokensFile(root) });
            return result;
          } finally {
            runtime.engine.close();
            progress.finish();
          }
        });
        if (build.built) {
          const failed = build.results.filter((r) => r.outcome !== 'succeeded').map((r) => r.productId);
          out.note(
            `built ${model.products.size} products in ${(build.ms / 1000).toFixed(1)} s${failed.length > 0 ? `; not published: ${failed.join(', ')}` : ''}`,
          );
        }
        const { bold, dim } = out.style;
        out.line(bold(`Meshwork demo mesh: ${model.name}`));
        out.line(`${model.domains.size} domains, ${model.products.size} products`);
        out.line(bold('Demo users') + dim(' (tokens are for this demo only; see .meshwork/demo-tokens.json)'));
        for (const token of tokens) {
          const who = `${token.principalId.padEnd(13)} ${token.name.padEnd(20)} ${dim(`(${token.roles.join(', ') || token.kind})`)}`;
          out.line(`  ${who}`);
          out.line(`    token: ${token.token}`);
        }
        if (!flags.serve) return;
        const platform = await startPlatform({
          root,
          env: ctx.env,
          port: Number(flags.port),
          wirePort: Number(flags.wirePort),
          // DEMO ONLY: the portal's login page offers these users (see demo-users-routes.ts).
          demoUsers: tokens,
        });
        const ana = tokens.find((t) => t.principalId === 'ana') ?? tokens[0];
        out.line(bold('Serving'));
        out.line(`  Portal    ${platform.url}/`);
        out.line(`  API       ${platform.url}/api/v1/products`);
        out.line(`  API docs  ${platform.url}/api/docs`);
        if (ana) {
          out.line(`  curl      curl -H 'Authorization: Bearer ${ana.token}' ${platform.url}/api/v1/products`);
        }
        if (platform.wirePort !== undefined && ana) {
          out.line(
            `  psql      PGPASSWORD=${ana.token} psql "host=127.0.0.1 port=${platform.wirePort} user=${ana.principalId} dbname=mesh"`,
          );
        }
        out.line(dim(`ready in ${((performance.now() - started) / 1000).toFixed(1)} s — Ctrl-C to stop`));
        await ctx.waitForShutdown();
        await platform.close();
      },
    );
}
