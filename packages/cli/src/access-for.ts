/**
 * What the CLI's gateway asks about access: the workspace's access policies (Cedar, masks, row
 * filters — loaded fail-closed, exactly as `mesh serve` loads them) and the agreements in force
 * from the metadata store. `mesh query` never shows more than the server would.
 */
import type { MeshModel } from '@meshwork/core';
import {
  createAgreementLookup,
  loadAccessPolicies,
  type AgreementLookup,
  type Authorizer,
  type MetadataStore,
} from '@meshwork/server';

export interface CliAccess {
  readonly authorizer: Authorizer;
  readonly agreements?: AgreementLookup;
}

export async function accessFor(root: string, model: MeshModel, store: MetadataStore): Promise<CliAccess> {
  return { authorizer: loadAccessPolicies(root, model).authorizer, agreements: createAgreementLookup(store) };
}
