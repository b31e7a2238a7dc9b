/** What a run needs from the platform, assembled once by the composition root. */
import type { MeshModel } from '@meshwork/core';
import type { MetadataStore } from '../metadata/metadata-store.js';
import type { Warehouse } from '../warehouse/warehouse.js';
import type { RunObserver } from './run-events.js';

export interface RuntimeContext {
  readonly model: MeshModel;
  /** Workspace root (absolute). */
  readonly root: string;
  readonly store: MetadataStore;
  readonly warehouse: Warehouse;
  /** Scratch space for DuckDB spills; one folder per run is made inside it. */
  readonly tempDirectory: string;
  readonly clock?: () => Date;
  readonly observer?: RunObserver;
  /** DuckDB threads per run (default 2) and memory per run (default 2GB). */
  readonly threads?: number;
  readonly memoryLimit?: string;
  /**
   * Test seam for crash tests: called at named points of a run; a hook that never returns lets
   * a test kill the process exactly there.
   */
  readonly faultPoint?: (point: RunFaultPoint) => Promise<void>;
}

export type RunFaultPoint = 'inputs-bound' | 'output-written' | 'checks-done' | 'before-publish' | 'between-publishes';
