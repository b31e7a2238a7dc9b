/** The product detail context: one response with every section of a product page. */
export {
  assembleProductDetail,
  DETAIL_RUNS,
  DETAIL_SNAPSHOTS,
  type DetailServices,
} from './assemble-product-detail.js';
export { exampleQueries, portRelation, type ExampleQuery } from './example-queries.js';
export { changelogSection, type ChangelogEntry } from './changelog-section.js';
export { sampleSection, SAMPLE_ROWS, type SampleSection } from './sample-section.js';
export { contractVersionDocument, type ContractVersionDocument } from './contract-version-document.js';
