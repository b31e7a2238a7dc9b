export { buildDcatCatalog, dcatCatalogId, type DcatCatalogOptions } from './dcat-catalog.js';
export { productToDcatDataset } from './dcat-dataset.js';
export { ADMS_STATUS, DCAT_CONTEXT, JSON_LD_MEDIA_TYPE, admsStatus } from './dcat-vocabulary.js';
export type { DcatExportOptions, DcatPageView, JsonLdNode, JsonLdValue } from './dcat-types.js';
