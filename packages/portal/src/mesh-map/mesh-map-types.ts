/**
 * The wire format of `GET /api/v1/mesh-map` (server: packages/server/src/mesh-map/), declared
 * here as the portal's other API types are (api/api-types.ts says why).
 */
export type HealthBand = 'good' | 'fair' | 'poor' | 'unknown';

export interface DomainSummary {
  readonly name: string;
  readonly parent: string | null;
  /** Products of the domain the viewer may discover. */
  readonly products: number;
  readonly health: Readonly<Record<HealthBand, number>>;
}

export interface MeshMapAnswer {
  /** products: the whole mesh product by product; domains: domain by domain; domain: a drill-down. */
  readonly detail: 'products' | 'domains' | 'domain';
  readonly threshold: number;
  readonly domain?: string;
  readonly visibleProducts: number;
  /** Products left out: the viewer may not discover them. */
  readonly hidden: number;
  /** Product edges left out: one end is such a product. */
  readonly hiddenEdges: number;
  readonly domains: readonly DomainSummary[];
  readonly products?: readonly {
    readonly id: string;
    readonly domain: string;
    readonly archetype: string | null;
    readonly health: number | null;
  }[];
  readonly edges?: readonly { readonly from: string; readonly to: string }[];
  readonly domainEdges?: readonly { readonly from: string; readonly to: string; readonly edges: number }[];
  readonly crossEdges?: readonly {
    readonly product: string;
    readonly domain: string;
    readonly direction: 'downstream' | 'upstream';
    readonly edges: number;
  }[];
}
