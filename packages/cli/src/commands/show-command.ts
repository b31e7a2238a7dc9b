/** `mesh show <domain>/<product>`: owner, ports, versions, schema and SLOs at a glance. */
import type { Command } from 'commander';
import type { Contract, DataProduct } from '@meshwork/core';
import { openWorkspace, outputFor, type CliContext } from '../cli-context.js';
import type { CliOutput } from '../output/cli-output.js';
import { findProduct } from './product-ref.js';

export function registerShow(program: Command, ctx: CliContext): void {
  program
    .command('show')
    .description('print a summary of a data product')
    .argument('<domain/product>', 'e.g. sales/orders')
    .option('--json', 'print the summary as JSON')
    .action(async (ref: string, options: { json?: boolean }) => {
      const out = outputFor(ctx, options);
      const { model } = await openWorkspace(ctx);
      const product = findProduct(model, ref);
      if (options.json) out.value(productSummary(product));
      else printProduct(out, product);
    });
}

interface SlaProperty {
  property: string;
  value: unknown;
  unit?: string;
  element?: string;
}

function slaProperties(contract: Contract): SlaProperty[] {
  const raw = (contract.document as { slaProperties?: unknown }).slaProperties;
  return Array.isArray(raw) ? (raw as SlaProperty[]) : [];
}

export function productSummary(product: DataProduct) {
  return {
    id: product.id,
    urn: product.urn,
    title: product.title,
    domain: product.domain,
    archetype: product.archetype ?? null,
    status: product.status,
    version: product.version ?? null,
    owner: product.ownerTeam ?? null,
    description: product.description ?? null,
    tags: product.tags,
    inputPorts: product.inputPorts,
    dependsOn: product.dependsOn,
    outputPorts: product.outputPorts.map((p) => ({
      name: p.name,
      version: p.version,
      major: p.major,
      contractId: p.contractId ?? null,
      contractStatus: p.contract?.status ?? null,
      schema: p.contract?.tables ?? [],
      slos: p.contract ? slaProperties(p.contract) : [],
    })),
    schedule: product.pipeline?.definition.schedule ?? null,
  };
}

function printProduct(out: CliOutput, product: DataProduct): void {
  const { bold, dim } = out.style;
  out.line(`${bold(product.title)} ${dim(`(${product.id}, ${product.urn})`)}`);
  out.line(`  domain     ${product.domain}`);
  out.line(`  archetype  ${product.archetype ?? dim('not set')}`);
  out.line(`  status     ${product.status}    version ${product.version ?? dim('not set')}`);
  out.line(`  owner      ${product.ownerTeam ?? dim('not set')}`);
  if (product.description) out.line(`  purpose    ${product.description}`);
  if (product.pipeline?.definition.schedule) out.line(`  schedule   ${product.pipeline.definition.schedule}`);
  if (product.dependsOn.length > 0) out.line(`  reads      ${product.dependsOn.join(', ')}`);
  for (const port of product.outputPorts) {
    out.line();
    out.line(
      `${bold(`Output port ${port.name}`)} v${port.version} ${dim(`contract ${port.contractId ?? 'missing'}${port.contract ? `, ${port.contract.status}` : ''}`)}`,
    );
    for (const table of port.contract?.tables ?? []) {
      out.line(`  ${bold(table.name)}${table.description ? dim(` — ${table.description}`) : ''}`);
      out.table(
        ['  column', 'type', 'required', 'key', 'classification'],
        table.columns.map((c) => [
          `  ${c.name}`,
          c.logicalType ?? c.physicalType ?? '',
          c.required ? 'yes' : '',
          c.primaryKey ? 'pk' : c.unique ? 'unique' : '',
          c.classification ?? '',
        ]),
      );
    }
    const slos = port.contract ? slaProperties(port.contract) : [];
    if (slos.length > 0) {
      out.line(`  ${bold('SLOs')}`);
      for (const s of slos)
        out.line(
          `    ${s.property}: ${String(s.value)}${s.unit ? ` ${s.unit}` : ''}${s.element ? dim(` (${s.element})`) : ''}`,
        );
    }
  }
  if (product.inputPorts.length > 0) {
    out.line();
    out.line(bold('Input ports'));
    for (const p of product.inputPorts) out.line(`  ${p.name} v${p.version} ${dim(`contract ${p.contractId}`)}`);
  }
}
