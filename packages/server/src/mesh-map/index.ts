/** The mesh map's public surface: the aggregate answer behind the portal's /map (see CONTEXT.md). */
export { MESH_MAP_CODES, type MeshMapCode } from './mesh-map-codes.js';
export { HEALTH_BANDS, healthBand, type HealthBand } from './health-bands.js';
export { buildMeshMapIndex, type MeshMapIndex } from './mesh-map-index.js';
export { createMeshMapCache, type MeshMapCache, type MeshMapSources, type MeshMapState } from './mesh-map-cache.js';
export {
  domainAnswer,
  meshMapAnswer,
  type CrossEdge,
  type DomainEdge,
  type DomainSummary,
  type MeshMapAnswer,
  type MeshMapProduct,
  type ProductEdge,
} from './mesh-map-answer.js';
export { DEFAULT_THRESHOLD, MAX_THRESHOLD, meshMapParams, type MeshMapParams } from './mesh-map-params.js';
export { createVisibilityCache, type VisibilityCache } from './mesh-map-visibility.js';
export { meshMapRoutes, type MeshMapServices } from './mesh-map-routes.js';
