/** What a run needs from the platform, assembled once by the composition root. */
import type { Finding, MeshModel } from '@meshwork/core';
import type { SnapshotColumnProfile } from '../warehouse/snapshot-manifest.js';
import type { MetadataStore } from '../metadata/metadata-store.js';
import type { Warehouse } from '../warehouse/warehouse.js';
import type { RunEngine } from './duckdb-session.js';
import type { RunObserver } from './run-events.js';
import type { RunListener } from './run-listener.js';

export interface RuntimeContext {
  readonly model: MeshModel;
  /** Workspace root (absolute). */
  readonly root: string;
  readonly store: MetadataStore;
  readonly warehouse: Warehouse;
  /** The process's DuckDB (see duckdb-session.ts); each run gets its own connection. */
  readonly engine: RunEngine;
  readonly clock?: () => Date;
  readonly observer?: RunObserver;
  /** Told when a run starts and ends, with its outputs and lineage (lineage store, OpenLineage, webhooks). */
  readonly listeners?: readonly RunListener[];
  /**
   * Test seam for crash tests: called at named points of a run; a hook that never returns lets
   * a test kill the process exactly there.
   */
  readonly faultPoint?: (point: RunFaultPoint) => Promise<void>;
  /**
   * Governance policies that read the data, run on the profile of the staged outputs; blocking
   * findings stop the run before publishing (MW5705). Absent: no data policies are enforced.
   */
  readonly dataPolicyGate?: DataPolicyGate;
}

/** Blocking findings of the data policies for a product's staged outputs. */
export type DataPolicyGate = (
  productId: string,
  outputs: readonly {
    readonly port: string;
    readonly major: number;
    readonly profile: readonly SnapshotColumnProfile[];
  }[],
  /** The day waivers are judged on. */
  now: Date,
) => readonly Finding[];

export type RunFaultPoint = 'inputs-bound' | 'output-written' | 'checks-done' | 'before-publish' | 'between-publishes';
