export { servedOpenApiDocument } from './served-openapi-document.js';
export { listOperations, renderApiReference } from './render-api-reference.js';
export { isOpenApiDocument, type OpenApiDocument } from './openapi-types.js';
