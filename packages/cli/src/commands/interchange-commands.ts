/** `mesh import odcs|odps|dcs <file>` and `mesh export odcs|odps <product>` (catalog and all: export-bulk-commands.ts). */
import { writeFile, mkdir } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { Argument, Option, type Command } from 'commander';
import { InputError } from '@meshwork/core';
import { exportDocuments, importDocument, toYamlStream, type ExportFormat, type ImportFormat } from '@meshwork/server';
import { openWorkspace, outputFor, type CliContext } from '../cli-context.js';
import { printDiagnostics } from '../output/print-diagnostics.js';
import { DEFAULT_BASE_URL, exportAll, exportCatalog } from './export-bulk-commands.js';
import { addTrinoExportOptions, exportTrinoCommand, type ExportTrinoFlags } from './export-trino-command.js';
import { exportGlossary } from './knowledge-command.js';
import { findProduct } from './product-ref.js';

interface ExportOptions {
  port?: string;
  out?: string;
  json?: boolean;
  format?: string;
  baseUrl?: string;
  baseIri?: string;
}

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

  addTrinoExportOptions(program.command('export'))
    .description(
      "print a product's ODCS contracts or ODPS descriptor (or write them to a folder); `catalog`: the workspace as DCAT-3 JSON-LD; `all`: every ODPS/ODCS document into a new folder; `trino`: Trino's catalog and access rules into a folder",
    )
    .addArgument(
      new Argument('<format>', 'what to export').choices(['odcs', 'odps', 'catalog', 'all', 'glossary', 'trino']),
    )
    .argument('[domain/product]', 'e.g. sales/orders (odcs and odps); trino: the folder to write')
    .option('--port <name>', 'only the contract of this output port')
    .option('--out <dir>', 'write one file per document into this folder (catalog: the file; all: a new folder)')
    .option('--json', 'print JSON instead of YAML')
    .addOption(
      new Option('--format <format>', 'catalog: dcat; glossary: jsonld or turtle').choices([
        'dcat',
        'jsonld',
        'turtle',
      ]),
    )
    .option('--base-iri <iri>', 'glossary: IRI prefix for concepts instead of urn:meshwork:glossary:')
    .option('--base-url <url>', `catalog: where the Meshwork API is reached (default ${DEFAULT_BASE_URL})`)
    .action(
      async (
        what: ExportFormat | 'catalog' | 'all' | 'glossary' | 'trino',
        ref: string | undefined,
        options: ExportOptions & ExportTrinoFlags,
      ) => {
        if (what === 'trino') return exportTrinoCommand(ctx, ref ?? options.out, options);
        if (what === 'glossary') return exportGlossary(ctx, options);
        if (what === 'catalog' || what === 'all') {
          await (what === 'catalog' ? exportCatalog(ctx, options) : exportAll(ctx, options));
          return;
        }
        if (ref === undefined) throw new InputError('MW7017', `mesh export ${what} needs <domain/product>`);
        const format = what;
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
      },
    );
}
