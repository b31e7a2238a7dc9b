/**
 * `mesh export odcs|odps <product>`: the product's standard documents, as written in the
 * workspace. Contracts can be narrowed to one output port.
 */
import { stringify } from 'yaml';
import { NotFoundError, type DataProduct, type OdcsDocument, type OdpsDocument } from '@meshwork/core';

export type ExportFormat = 'odcs' | 'odps';

export interface ExportedDocument {
  readonly name: string;
  readonly document: OdcsDocument | OdpsDocument;
}

export function exportDocuments(product: DataProduct, format: ExportFormat, port?: string): ExportedDocument[] {
  if (format === 'odps') return [{ name: 'product.odps.yaml', document: product.descriptor }];
  const contracts = port
    ? product.outputPorts.filter((p) => p.name === port).flatMap((p) => (p.contract ? [p.contract] : []))
    : product.contracts;
  if (port && contracts.length === 0) {
    throw new NotFoundError('MW7006', `${product.id} has no output port "${port}" with a contract`);
  }
  return contracts.map((c) => ({ name: c.file.split('/').pop()!, document: c.document }));
}

/** Several documents as one YAML stream (`---` between them). */
export function toYamlStream(documents: readonly ExportedDocument[]): string {
  return documents.map((d) => stringify(d.document, { lineWidth: 0 })).join('---\n');
}
