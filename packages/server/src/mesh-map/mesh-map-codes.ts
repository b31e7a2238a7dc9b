/** Codes of the mesh map's aggregate API, `GET /api/v1/mesh-map` (MW8920–MW8929). */
export const MESH_MAP_CODES = {
  MW8920: {
    title: 'Invalid mesh map request',
    fix: 'Pass `threshold` as a whole number from 0 to 5000 (products up to which the answer lists every product) and `domain` as a domain name, or leave them out.',
  },
  MW8921: {
    title: 'Unknown domain on the mesh map',
    fix: 'Name a domain the mesh map lists (`GET /api/v1/mesh-map` answers every domain with a product you may discover).',
  },
} as const satisfies Record<string, { readonly title: string; readonly fix: string }>;

export type MeshMapCode = keyof typeof MESH_MAP_CODES;
