import { generateCatalog } from '/work/main/bench/search-catalog.js';
const { createCatalogSearch } = await import('@meshwork/server');
const model = generateCatalog(Number(process.env.N ?? 10000));
const t = performance.now();
createCatalogSearch(model);
console.log('build', performance.now() - t);
