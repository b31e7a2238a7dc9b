/** What the HTTP routes and the scheduler use: assembled once by the composition root. */
import type { Diagnostic, MeshModel } from '@meshwork/core';
import type { MetadataStore } from '../metadata/metadata-store.js';
import type { RuntimeContext } from '../runtime/runtime-context.js';
import type { Warehouse } from '../warehouse/warehouse.js';

export interface PlatformServices {
  readonly root: string;
  readonly model: MeshModel;
  readonly diagnostics: readonly Diagnostic[];
  readonly store: MetadataStore;
  readonly warehouse: Warehouse;
  readonly runtime: RuntimeContext;
}
