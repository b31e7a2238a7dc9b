/** The demo mesh (examples/demo-mesh) loaded from its files with the core loader, for tests. */
import { demoMeshFiles } from '../../../../../test-support/demo-mesh-files.js';
import type { MeshModel } from '../../model/model-types.js';
import { loadWorkspace } from '../../workspace/load-workspace.js';
import { isWorkspaceSourcePath } from '../../workspace/workspace-layout.js';

/** `edit` may change file texts (by workspace path) before loading. */
export function loadDemoModel(edit?: (files: Map<string, string>) => void): MeshModel {
  const files = demoMeshFiles(isWorkspaceSourcePath);
  edit?.(files);
  return loadWorkspace({ files }).model;
}
