/**
 * The access state the demo starts with, created once: a pending request (Ana, consumer, asks the
 * customer team for the customer profile — it holds restricted columns, so consumers need an
 * agreement) waiting in Pia's inbox, and an approved agreement (the BI service account reads
 * finance.payments for the revenue dashboards, approved by Finn). Idempotent: nothing is added
 * when the store already has agreements.
 */
import type { MeshModel } from '@meshwork/core';
import type { Authorizer } from '../access/access-types.js';
import { createAgreementService } from '../agreements/agreement-service.js';
import { resolvePrincipal } from '../identity/resolve-principal.js';
import type { MetadataStore } from '../metadata/metadata-store.js';

const DAY = 86_400_000;

export async function ensureDemoAccess(store: MetadataStore, model: MeshModel, authorizer: Authorizer): Promise<void> {
  if ((await store.listAgreements({ limit: 1 })).items.length > 0) return;
  const agreements = createAgreementService({ store, model, authorizer });
  const as = (id: string) => {
    const principal = resolvePrincipal(model, id);
    if (!principal) throw new Error(`demo principal ${id} is missing from mesh.yaml`);
    return principal;
  };
  const now = Date.now();
  if (model.products.has('customers.customer-profile') && model.users.has('ana')) {
    await agreements.request(as('ana'), {
      productId: 'customers.customer-profile',
      purpose: 'churn-analysis',
      endsAt: new Date(now + 90 * DAY),
    });
  }
  if (model.products.has('finance.payments') && model.serviceAccounts.has('bi-dashboards') && model.users.has('finn')) {
    const request = await agreements.request(as('bi-dashboards'), {
      productId: 'finance.payments',
      purpose: 'revenue-dashboards',
      endsAt: new Date(now + 365 * DAY),
    });
    await agreements.approve(as('finn'), request.id, 'Approved for the monthly revenue dashboards.');
  }
}
