/**
 * `mesh graph entity|term|join|compat`: the knowledge graph of the workspace — products that
 * describe an entity, columns bound to a term, ranked join paths with their SQL, identifier
 * compatibility across domains — and `exportGlossary` behind `mesh export glossary`.
 * With `--as <principal>` (or MESHWORK_USER) results hold only what that principal may discover,
 * as over HTTP; without, the whole workspace (whoever runs the CLI can read its files).
 */
import type { Command } from 'commander';
import {
  GLOSSARY_RDF_FORMATS,
  InputError,
  buildKnowledgeIndex,
  columnsBoundTo,
  glossaryJsonLd,
  glossaryTurtle,
  identifierCompatibility,
  joinPaths,
  productsDescribing,
  type GlossaryRdfFormat,
  type VisibilityOptions,
} from '@meshwork/core';
import { discoverableBy, loadAccessPolicies, type DiskLoadResult } from '@meshwork/server';
import { openWorkspace, outputFor, type CliContext } from '../cli-context.js';
import { principalFor } from '../principal-for.js';

interface GraphFlags {
  as?: string;
  json?: boolean;
  maxHops?: string;
}

async function open(ctx: CliContext, flags: { as?: string }) {
  const workspace = await openWorkspace(ctx);
  return { index: buildKnowledgeIndex(workspace.model), scope: visibility(ctx, workspace, flags.as) };
}

function visibility(ctx: CliContext, workspace: DiskLoadResult, as: string | undefined): VisibilityOptions {
  if (as === undefined && !ctx.env.MESHWORK_USER) return {};
  const principal = principalFor(ctx, workspace.model, as);
  const { authorizer } = loadAccessPolicies(workspace.root, workspace.model);
  return { visible: discoverableBy(authorizer, principal) };
}

export function registerKnowledge(program: Command, ctx: CliContext): void {
  const graph = program
    .command('graph')
    .description('the knowledge graph: entities, terms, join paths, identifier compatibility');
  const common = (c: Command) =>
    c.option('--as <principal>', 'only what this user or service account may discover').option('--json', 'print JSON');

  common(
    graph
      .command('entity')
      .description('products that describe a glossary entity')
      .argument('<entity>', 'e.g. Customer'),
  ).action(async (entity: string, flags: GraphFlags) => {
    const out = outputFor(ctx, flags);
    const { index, scope } = await open(ctx, flags);
    const products = productsDescribing(index, entity, scope);
    if (out.json) return out.value({ entity, products });
    if (products.length === 0) return out.note(`no product binds a column to ${entity}`);
    out.table(
      ['product', 'role', 'columns'],
      products.map((p) => [p.productId, p.role, p.columns.map((c) => `${c.column} (${c.term})`).join(', ')]),
    );
  });

  common(
    graph
      .command('term')
      .description('columns bound to a glossary term')
      .argument('<term>', 'e.g. Customer.customer_id'),
  ).action(async (term: string, flags: GraphFlags) => {
    const out = outputFor(ctx, flags);
    const { index, scope } = await open(ctx, flags);
    const columns = columnsBoundTo(index, term, scope);
    if (out.json) return out.value({ term, columns });
    if (columns.length === 0) return out.note(`no column is bound to ${term}`);
    out.table(
      ['relation', 'column', 'type', 'key', 'product'],
      columns.map((c) => [c.relation, c.column, c.logicalType ?? '', c.primaryKey ? 'yes' : '', c.productId]),
    );
  });

  common(
    graph
      .command('join')
      .description('ranked join paths between two products through shared glossary identifiers, with the SQL')
      .argument('<from>', 'domain.product')
      .argument('<to>', 'domain.product')
      .option('--max-hops <n>', 'most joins in a path (1-5)', '3'),
  ).action(async (from: string, to: string, flags: GraphFlags) => {
    const out = outputFor(ctx, flags);
    const maxHops = Number(flags.maxHops);
    const { index, scope } = await open(ctx, flags);
    const result = joinPaths(index, from.replace('/', '.'), to.replace('/', '.'), { maxHops, ...scope });
    if (out.json) return out.value(result);
    if (result.explanation) out.note(result.explanation);
    result.paths.forEach((path, i) => {
      out.line(
        `${i + 1}. ${path.hops} join${path.hops > 1 ? 's' : ''} via ${path.steps.map((s) => s.term).join(' → ')}`,
      );
      out.line(`   SELECT * FROM ${path.sql}`);
      for (const note of path.notes) out.line(`   ${out.style.yellow('note')}: ${note}`);
    });
  });

  common(
    graph
      .command('compat')
      .description('whether columns bound to an identifier agree with the glossary')
      .argument('<identifier>', 'e.g. Customer.customer_id'),
  ).action(async (term: string, flags: GraphFlags) => {
    const out = outputFor(ctx, flags);
    const { index, scope } = await open(ctx, flags);
    const report = identifierCompatibility(index, term, scope);
    if (out.json) return out.value(report);
    const e = report.expected;
    out.note(
      `${term}: ${e.logicalType}${e.pattern ? `, pattern ${e.pattern}` : ''}${e.format ? `, format ${e.format}` : ''}`,
    );
    out.table(
      ['relation', 'column', 'compatible', 'why not'],
      report.columns.map((c) => [
        c.binding.relation,
        c.binding.column,
        c.compatible ? out.style.green('yes') : out.style.red('no'),
        c.reasons.join('; '),
      ]),
    );
    if (!report.compatible) ctx.exitCode = 1;
  });
}

/** `mesh export glossary --format jsonld|turtle [--base-iri <iri>]`. */
export async function exportGlossary(
  ctx: CliContext,
  options: { format?: string; baseIri?: string; as?: string },
): Promise<void> {
  const format = (options.format ?? 'turtle') as GlossaryRdfFormat;
  if (!GLOSSARY_RDF_FORMATS.includes(format)) {
    throw new InputError('MW8606', `--format must be jsonld or turtle, got "${format}": change --format`);
  }
  const { index, scope } = await open(ctx, options);
  const rdf = { ...scope, ...(options.baseIri ? { baseIri: options.baseIri } : {}) };
  ctx.streams.stdout.write(
    format === 'jsonld' ? `${JSON.stringify(glossaryJsonLd(index, rdf), null, 2)}\n` : glossaryTurtle(index, rdf),
  );
}
