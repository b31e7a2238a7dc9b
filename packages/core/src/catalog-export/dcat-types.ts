/** JSON-LD nodes of the DCAT export and the options of the mapping. */

/** A JSON-LD value: plain JSON whose objects are nodes (`@id`, `@type`, compact-IRI keys). */
export type JsonLdValue = string | number | boolean | JsonLdNode | readonly JsonLdValue[];

export interface JsonLdNode {
  readonly [key: string]: JsonLdValue;
}

export interface DcatExportOptions {
  /**
   * Where the Meshwork HTTP API is reached, e.g. `https://mesh.example.com` (no trailing slash
   * needed). Distributions point at `<baseUrl>/api/v1/query`; landing pages at the products API.
   */
  readonly baseUrl: string;
  /** Media types the query API answers in (the server's `FORMAT_MEDIA_TYPES`), e.g. `text/csv`. */
  readonly mediaTypes: readonly string[];
  /**
   * Whether a product may appear in the export (default: every product). Links to upstream
   * products the reader may not see are left out, so the export never names a hidden product.
   */
  readonly isVisible?: (productId: string) => boolean;
}

/** One page of a paged catalog, described with `hydra:PartialCollectionView`. */
export interface DcatPageView {
  /** This page's URL. */
  readonly self: string;
  readonly first: string;
  readonly next?: string;
}
