/**
 * `mesh import odcs|odps|dcs <file>`: bring a standard document into the workspace.
 * ODCS and ODPS documents are written byte for byte (comments and key order kept), so export
 * gives back exactly what was imported; DCS documents are converted to ODCS v3.1.0 first.
 * The document must pass its schema before anything is written.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { stringify } from 'yaml';
import {
  convertDcsToOdcs,
  ConflictError,
  InputError,
  NotFoundError,
  parseYamlSource,
  schemaIssuesToDiagnostics,
  validateOdcs,
  validateOdps,
  type Diagnostic,
} from '@meshwork/core';
import { checkName } from '../scaffold/scaffold-service.js';
import { writeFileAtomically } from '../scaffold/write-folder-atomically.js';
import { DEFAULT_MAX_FILE_BYTES } from '../workspace/read-workspace-files.js';

export type ImportFormat = 'odcs' | 'odps' | 'dcs';

export interface ImportOptions {
  readonly root: string;
  readonly format: ImportFormat;
  readonly file: string;
  /** `domain/product` to import into; default: the document's own domain and product. */
  readonly product?: string;
  readonly force?: boolean;
}

export interface ImportResult {
  readonly written: string;
  readonly productId: string;
  readonly warnings: readonly Diagnostic[];
}

type Loose = Record<string, unknown>;

export async function importDocument(options: ImportOptions): Promise<ImportResult> {
  const path = resolve(options.file);
  if (!existsSync(path)) throw new NotFoundError('MW7007', `${options.file} does not exist`);
  if ((await stat(path)).size > DEFAULT_MAX_FILE_BYTES) {
    throw new InputError('MW1005', `${options.file} is larger than ${DEFAULT_MAX_FILE_BYTES} bytes`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(await readFile(path));
  } catch {
    throw new InputError('MW1002', `${options.file} is not valid UTF-8`);
  }
  const source = parseYamlSource(options.file, text);
  if (source.diagnostics.length > 0) throw invalid(options.file, source.diagnostics);
  if (source.value === null || typeof source.value !== 'object' || Array.isArray(source.value)) {
    throw new InputError('MW1006', `${options.file} must contain one YAML or JSON mapping`);
  }
  let doc = source.value as Loose;
  const warnings: Diagnostic[] = [];

  if (options.format === 'dcs') {
    const converted = convertDcsToOdcs(doc);
    const errors = converted.diagnostics.filter((d) => d.severity === 'error');
    if (!converted.document || errors.length > 0) throw invalid(options.file, converted.diagnostics);
    warnings.push(...converted.diagnostics);
    doc = converted.document;
    text = stringify(doc, { lineWidth: 0 });
  }

  const issues = options.format === 'odps' ? validateOdps(doc).issues : validateOdcs(doc).issues;
  if (issues.length > 0) {
    const label = options.format === 'odps' ? 'ODPS descriptor' : 'ODCS contract';
    throw invalid(options.file, schemaIssuesToDiagnostics(source, issues, label));
  }

  const [domain, product] = target(options, doc);
  checkName('domain', domain);
  checkName('product', product);
  if (!existsSync(join(options.root, 'domains', domain, 'domain.yaml'))) {
    throw new NotFoundError(
      'MW7005',
      `domain "${domain}" does not exist; create it with \`mesh new domain ${domain}\``,
    );
  }
  const dir = join(options.root, 'domains', domain, product);
  const fileName = options.format === 'odps' ? 'product.odps.yaml' : `${contractFileStem(doc)}.odcs.yaml`;
  const written = join(dir, fileName);
  if (existsSync(written) && !options.force) {
    throw new ConflictError('MW7009', `${written} already exists; pass --force to replace it`);
  }
  await writeFileAtomically(written, text);
  // A contract imported into a product that does not exist yet gets a minimal descriptor
  // whose output port serves it, so the product is complete and exportable at once.
  const descriptor = join(dir, 'product.odps.yaml');
  if (options.format !== 'odps' && !existsSync(descriptor)) {
    await writeFileAtomically(descriptor, minimalDescriptor(domain, product, contractFileStem(doc), doc));
  }
  return { written, productId: `${domain}.${product}`, warnings };
}

function target(options: ImportOptions, doc: Loose): [string, string] {
  if (options.product) {
    const [domain, product, ...rest] = options.product.split(/[/.]/);
    if (domain && product && rest.length === 0) return [domain, product];
    throw new InputError('MW7011', `--product "${options.product}" is not <domain>/<product>`);
  }
  const domain = typeof doc.domain === 'string' ? slug(doc.domain) : undefined;
  const product =
    options.format === 'odps'
      ? typeof doc.name === 'string'
        ? slug(doc.name)
        : undefined
      : typeof doc.dataProduct === 'string'
        ? slug(doc.dataProduct)
        : undefined;
  if (!domain || !product) {
    throw new InputError(
      'MW7011',
      `cannot tell which product the document belongs to; pass --product <domain>/<product>`,
    );
  }
  return [domain, product];
}

function minimalDescriptor(domain: string, product: string, port: string, contract: Loose): string {
  return stringify(
    {
      apiVersion: 'v1.0.0',
      kind: 'DataProduct',
      id: randomUUID(),
      name: product,
      version: '0.1.0',
      status: 'draft',
      domain,
      outputPorts: [
        {
          name: port.replace(/-/g, '_'),
          type: 'tables',
          version: typeof contract.version === 'string' ? contract.version : '1.0.0',
          contractId: contract.id,
        },
      ],
    },
    { lineWidth: 0 },
  );
}

function contractFileStem(doc: Loose): string {
  const schema = Array.isArray(doc.schema) ? (doc.schema[0] as Loose | undefined) : undefined;
  const name = [doc.name, schema?.name, doc.id].find((v): v is string => typeof v === 'string' && slug(v) !== '');
  return slug(name ?? 'contract');
}

/** Lowercase, dashes for anything else: "Customer Data Product" → "customer-data-product". */
export function slug(value: string): string {
  return value
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .replace(/^([0-9])/, 'p-$1')
    .slice(0, 63);
}

function invalid(file: string, diagnostics: readonly Diagnostic[]): InputError {
  return new InputError('MW7008', `${file} is not a valid document (${diagnostics.length} problems)`, diagnostics);
}
