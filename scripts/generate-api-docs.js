// Writes docs/reference/http-api.md from the OpenAPI document the server builds from its route
// schemas (run `npm run docs:api` after changing a route; tests/api-reference-up-to-date.test.ts
// fails while the page is out of date).
import { writeFileSync } from 'node:fs';
import {
  listOperations,
  renderApiReference,
  servedOpenApiDocument,
} from '../packages/server/dist/api-reference/index.js';

const document = await servedOpenApiDocument();
writeFileSync(new URL('../docs/reference/http-api.md', import.meta.url), renderApiReference(document));
console.log(`wrote docs/reference/http-api.md (${listOperations(document).length} operations)`);
