/** What the HTTP routes and the scheduler use: assembled once by the composition root. */
import type { Diagnostic, MeshModel } from '@meshwork/core';
import type { Authorizer } from '../access/access-types.js';
import type { AgreementService } from '../agreements/agreement-service.js';
import type { QueryGateway } from '../gateway/gateway-types.js';
import type { GatewayLimits } from '../gateway/query-gateway.js';
import type { GovernanceService } from '../governance/governance-service.js';
import type { HealthService } from '../health/health-service.js';
import type { LineageService } from '../lineage/lineage-service.js';
import type { Authenticator } from '../identity/authenticator.js';
import type { MetadataStore } from '../metadata/metadata-store.js';
import type { RuntimeContext } from '../runtime/runtime-context.js';
import type { CatalogSearch } from '../search/search-types.js';
import type { Warehouse } from '../warehouse/warehouse.js';
import type { WebhookDispatcher } from '../webhooks/webhook-dispatcher.js';

export interface PlatformServices {
  readonly root: string;
  readonly model: MeshModel;
  readonly diagnostics: readonly Diagnostic[];
  readonly store: MetadataStore;
  readonly warehouse: Warehouse;
  readonly runtime: RuntimeContext;
  /** Bearer credentials (API tokens, OIDC identity tokens) → principals. */
  readonly authenticator: Authenticator;
  /** Access requests and agreements (and the authorizer that decides who approves). */
  readonly agreements: AgreementService;
  /** Signed event delivery to mesh.yaml `webhooks` subscribers. */
  readonly webhooks: WebhookDispatcher;
  /** The governed SQL gateway (`POST /api/v1/query`); its limits bound every HTTP result. */
  readonly gateway: QueryGateway & { readonly limits: GatewayLimits };
  /** The access policies, compiled: every route and the gateway decide through it. */
  readonly authorizer: Authorizer;
  /** Problems of the access policies (errors make the authorizer deny everything). */
  readonly accessDiagnostics: readonly Diagnostic[];
  /** Publish-time governance: the compiled policies and the latest whole-mesh check. */
  readonly governance: GovernanceService;
  /** Per-product health scorecards, cached and refreshed on a timer. */
  readonly health: HealthService;
  /** Catalog search, indexed once from the model at start (search/). */
  readonly search: CatalogSearch;
  /** The lineage graph (model, recorded column lineage, OpenLineage events): lineage and impact. */
  readonly lineage: LineageService;
}
