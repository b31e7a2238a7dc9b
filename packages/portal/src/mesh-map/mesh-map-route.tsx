/** The mesh map as the router mounts it, loaded on first visit (React Flow and ELK are a chunk of their own). */
import { lazy, Suspense } from 'react';
import { Loading } from '../components/query-status.js';

const MeshMapPage = lazy(() => import('./mesh-map-page.js').then((m) => ({ default: m.MeshMapPage })));

export function MeshMapRoute() {
  return (
    <Suspense fallback={<Loading what="the mesh map" />}>
      <MeshMapPage />
    </Suspense>
  );
}
