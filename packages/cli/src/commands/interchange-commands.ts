/** `mesh import odcs|odps|dcs <file>` and `mesh export odcs|odps <product>`. */
import { writeFile, mkdir } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { Argument, type Command } from 'commander';
import { exportDocuments, importDocument, toYamlStream, type ExportFormat, type ImportFormat } from '@meshwork/server';
import { openWorkspace, outputFor, type CliContext } from '../cli-context.js';
import { printDiagnostics } from '../output/print-diagnostics.js';
import { findProduct } from './product-ref.js';

export function registerInterchange(program: Command, ctx: CliContext): void {
  program
    .command('import')
    .description(
      'import an ODCS contract, an ODPS descriptor, or a Data Contract Specification file (converted to ODCS v3.1.0)',
    )
    .addArgument(new Argument('<format>', 'document format').choices(['odcs', 'odps', 'dcs']))
    .argument('<file>', 'YAML or JSON file to import')
    .option('--product <domain/product>', 'product to import into (default: from the document)')
    .option('--force', 'replace an existing file')
    .action(async (format: ImportFormat, file: string, options: { product?: string; force?: boolean }) => {
      const out = outputFor(ctx, {});
      const { root } = await openWorkspace(ctx);
      const result = await importDocument({
        root,
        format,
        file: resolve(ctx.cwd, file),
        product: options.product,
        force: options.force,
      });
      printDiagnostics(out, result.warnings);
      out.line(`Imported ${file} into ${result.productId}: ${relative(ctx.cwd, result.written)}`);
      const { diagnostics } = await openWorkspace(ctx);
      const errors = diagnostics.filter((d) => d.severity === 'error').length;
      if (errors > 0) out.note(`The workspace now has ${errors} validation errors; run \`mesh validate\` to see them.`);
    });

  program
    .command('export')
    .description("print a product's ODCS contracts or ODPS descriptor (or write them to a folder)")
    .addArgument(new Argument('<format>', 'document format').choices(['odcs', 'odps']))
    .argument('<domain/product>', 'e.g. sales/orders')
    .option('--port <name>', 'only the contract of this output port')
    .option('--out <dir>', 'write one file per document into this folder')
    .option('--json', 'print JSON instead of YAML')
    .action(async (format: ExportFormat, ref: string, options: { port?: string; out?: string; json?: boolean }) => {
      const out = outputFor(ctx, options);
      const { model } = await openWorkspace(ctx);
      const documents = exportDocuments(findProduct(model, ref), format, options.port);
      if (options.out) {
        const dir = resolve(ctx.cwd, options.out);
        await mkdir(dir, { recursive: true });
        for (const d of documents) {
          const name = options.json ? d.name.replace(/\.yaml$/, '.json') : d.name;
          await writeFile(
            join(dir, name),
            options.json ? `${JSON.stringify(d.document, null, 2)}\n` : toYamlStream([d]),
          );
          out.note(`wrote ${join(options.out, name)}`);
        }
      } else if (options.json) {
        out.value(format === 'odps' ? documents[0]?.document : documents.map((d) => d.document));
      } else {
        ctx.streams.stdout.write(toYamlStream(documents));
      }
    });
}
