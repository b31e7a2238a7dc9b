/**
 * Documentation completeness from the descriptor and contracts: purpose, usage, limitations
 * (descriptor or any contract), column descriptions (the share of described columns), a support
 * channel, and terms of use (`description.usage` of every output port's contract). Each of the
 * six counts one sixth.
 */
import type { DataProduct } from '@meshwork/core';
import type { Measured } from './health-types.js';

type Loose = Readonly<Record<string, unknown>>;

export function documentationScore(product: DataProduct): Measured {
  const documents = [product.descriptor, ...product.contracts.map((c) => c.document)] as unknown as Loose[];
  const said = (field: string) => documents.some((doc) => text(record(doc.description)[field]) !== '');
  const columns = product.contracts.flatMap((c) => c.tables.flatMap((t) => t.columns));
  const described = columns.filter((c) => (c.description ?? '').trim() !== '').length;
  const columnShare = columns.length === 0 ? 0 : described / columns.length;
  const support = documents.some((doc) => list(doc.support).some((s) => text(s.url) !== '' || text(s.channel) !== ''));
  const ports = product.outputPorts;
  const termsOfUse =
    ports.length > 0 && ports.every((p) => text(record(record(p.contract?.document).description).usage) !== '');
  const checks = {
    purpose: said('purpose'),
    usage: said('usage'),
    limitations: said('limitations'),
    supportChannel: support,
    termsOfUse,
  };
  const missing = Object.entries(checks)
    .filter(([, present]) => !present)
    .map(([name]) => name);
  if (columnShare < 1) missing.push(`${columns.length - described} of ${columns.length} column descriptions`);
  const value = (Object.values(checks).filter(Boolean).length + columnShare) / 6;
  return {
    name: 'documentation',
    value,
    summary: missing.length === 0 ? 'fully documented' : `missing: ${missing.join(', ')}`,
    evidence: { ...checks, columns: columns.length, describedColumns: described, missing },
  };
}

function record(value: unknown): Loose {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Loose) : {};
}

function list(value: unknown): Loose[] {
  return Array.isArray(value) ? value.map(record) : [];
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}
