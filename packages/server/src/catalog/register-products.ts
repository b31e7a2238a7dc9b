/**
 * Registers a validated workspace in the metadata store: teams and users, each product, and
 * every descriptor and contract version — published versions are immutable, so a changed
 * document under an old version number is refused with the fix (bump the version). Each new
 * version is written to the audit log.
 */
import { createHash } from 'node:crypto';
import {
  ConflictError,
  InputError,
  hasErrors,
  type DataProduct,
  type Diagnostic,
  type MeshModel,
} from '@meshwork/core';
import { canonicalJson, type JsonValue } from '../metadata/canonical-json.js';
import type { MetadataStore } from '../metadata/metadata-store.js';
import type { DescriptorKind } from '../metadata/metadata-types.js';
import { productRecord } from './product-record.js';

export interface RegistrationResult {
  readonly products: number;
  /** Descriptor versions recorded for the first time. */
  readonly newVersions: readonly { productId: string; kind: DescriptorKind; documentId: string; version: string }[];
  readonly unchanged: number;
}

export async function registerProducts(
  store: MetadataStore,
  model: MeshModel,
  diagnostics: readonly Diagnostic[],
  actor: string,
  only?: readonly string[],
): Promise<RegistrationResult> {
  if (hasErrors(diagnostics)) {
    throw new InputError(
      'MW7012',
      'the workspace has validation errors; fix them first (`mesh validate`)',
      diagnostics.filter((d) => d.severity === 'error'),
    );
  }
  for (const team of model.teams.values())
    await store.upsertTeam({ id: team.id, name: team.name, description: team.description ?? null });
  for (const user of model.users.values()) {
    await store.upsertUser({
      id: user.id,
      name: user.name,
      email: user.email ?? null,
      teams: user.teams,
      roles: user.roles,
    });
  }
  const products = [...model.products.values()].filter((p) => !only || only.includes(p.id));
  const newVersions: RegistrationResult['newVersions'][number][] = [];
  let unchanged = 0;
  for (const product of products) {
    await store.upsertProduct(productRecord(model, product));
    const documents: [DescriptorKind, string, string, unknown][] = [
      ['odps', product.descriptorId, product.version ?? '0.0.0', product.descriptor],
      ...product.contracts.map((c): [DescriptorKind, string, string, unknown] => ['odcs', c.id, c.version, c.document]),
    ];
    for (const [kind, documentId, version, document] of documents) {
      const content = canonicalJson(document as JsonValue);
      try {
        const recorded = await store.recordDescriptorVersion({
          productId: product.id,
          kind,
          documentId,
          version,
          content,
          contentHash: createHash('sha256').update(content).digest('hex'),
          publishedBy: actor,
        });
        if (!recorded.created) {
          unchanged++;
          continue;
        }
        newVersions.push({ productId: product.id, kind, documentId, version });
        await store.appendAudit({
          actor,
          action: 'descriptor.registered',
          resource: product.urn,
          details: { kind, documentId, version, contentHash: recorded.descriptor.contentHash },
        });
      } catch (error) {
        if (error instanceof ConflictError) throw immutableVersion(product, kind, documentId, version);
        throw error;
      }
    }
  }
  return { products: products.length, newVersions, unchanged };
}

function immutableVersion(
  product: DataProduct,
  kind: DescriptorKind,
  documentId: string,
  version: string,
): ConflictError {
  const what = kind === 'odps' ? 'descriptor' : `contract ${documentId}`;
  return new ConflictError(
    'MW6102',
    `${product.id}: ${what} version ${version} was already registered with different content; published versions are immutable — bump the version`,
  );
}
