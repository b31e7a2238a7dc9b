/**
 * The guides that explain each tag's operations, linked under the tag's heading. Paths are
 * relative to docs/reference/ (where the page lives); a test checks that every one exists.
 * A tag missing here simply gets no "See also" line.
 */
export const TAG_GUIDES: Readonly<Record<string, readonly (readonly [title: string, path: string])[]>> = {
  products: [
    ['catalog search', 'search.md'],
    ['health scorecards and product detail', 'health.md'],
    ['contract changes', 'contract-changes.md'],
    ['DCAT-3 export', 'dcat-export.md'],
  ],
  runs: [['runs and snapshots', 'runs.md']],
  access: [
    ['access policies', 'access-policies.md'],
    ['consume a data product', '../tutorials/consume-a-data-product.md'],
    ['events and webhooks', 'events.md'],
  ],
  query: [['the SQL gateway', 'sql-gateway.md']],
  usage: [['usage metering', 'sql-gateway.md#usage-metering']],
  governance: [
    ['governance', '../governance.md'],
    ['governance policy reference', 'governance-policies.md'],
  ],
  glossary: [
    ['the semantic layer', '../semantic-layer.md'],
    ['glossary reference', 'glossary.md'],
  ],
  lineage: [
    ['lineage and impact', '../lineage.md'],
    ['OpenLineage in and out', 'openlineage.md'],
  ],
  incidents: [['incidents', 'incidents.md']],
  operations: [['operations', '../operations.md']],
};
