/** What a cross-file rule sees, and how it reports a problem at a place in a file. */
import type { Diagnostic, Severity } from '../../diagnostics/diagnostic.js';
import type { MeshConfig } from '../../config/mesh-config-schema.js';
import type { Glossary } from '../../glossary/glossary-types.js';
import type { Domain, Team } from '../../model/model-types.js';
import type { YamlSource } from '../../yaml/yaml-source.js';
import type { ReadProduct } from '../read-product.js';
import { WORKSPACE_CODES, type WorkspaceCode } from '../workspace-codes.js';

export interface RuleContext {
  readonly config?: MeshConfig;
  readonly teams: ReadonlyMap<string, Team>;
  readonly domains: ReadonlyMap<string, Domain>;
  /** Domains whose domain.yaml exists but is invalid (already reported; not "missing"). */
  readonly invalidDomains: ReadonlySet<string>;
  /** Sorted by product id. */
  readonly products: readonly ReadProduct[];
  readonly productsById: ReadonlyMap<string, ReadProduct>;
  /** The glossary of glossary/*.yaml (empty when there is none). */
  readonly glossary: Glossary;
  /** False when a glossary file could not be parsed: bindings to unknown names are not judged. */
  readonly glossaryComplete: boolean;
  /** Every workspace path the reader saw (for files that steps refer to). */
  readonly paths: ReadonlySet<string>;
  report(
    code: WorkspaceCode,
    source: YamlSource | undefined,
    pointer: string,
    message: string,
    severity?: Severity,
  ): void;
}

export type WorkspaceRule = (context: RuleContext) => void;

export function createReporter(diagnostics: Diagnostic[]): RuleContext['report'] {
  return (code, source, pointer, message, severity = 'error') => {
    diagnostics.push({
      code,
      severity,
      file: source?.file,
      ...(source ? source.locate(pointer) : {}),
      pointer,
      message,
      fix: WORKSPACE_CODES[code].fix,
    });
  };
}
