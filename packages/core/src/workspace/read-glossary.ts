/**
 * Reads `glossary/*.yaml` into the mesh's glossary: each file parsed and checked against its
 * schema, then all of them built together (names are unique across files) — every problem a
 * positioned diagnostic.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { buildGlossary, type GlossaryDocument } from '../glossary/build-glossary.js';
import { GlossaryFileSchema, type GlossaryFile } from '../glossary/glossary-schema.js';
import type { Glossary } from '../glossary/glossary-types.js';
import { createDocumentValidator } from '../standards/schema-validator.js';
import type { YamlSource } from '../yaml/yaml-source.js';
import { parseWorkspaceDocument } from './parse-document.js';
import { WORKSPACE_CODES } from './workspace-codes.js';

const validateGlossary = createDocumentValidator(GlossaryFileSchema);

export interface GlossaryFileText {
  readonly path: string;
  readonly text: string;
  /** The value js-yaml already read elsewhere, if any. */
  readonly preParsed?: unknown;
}

export interface ReadGlossary {
  readonly glossary: Glossary;
  /**
   * False when a glossary file could not be parsed at all: its names are unknown, so bindings
   * to them cannot be judged (reporting them all as unknown would bury the real error).
   */
  readonly complete: boolean;
}

export function readGlossary(files: readonly GlossaryFileText[], diagnostics: Diagnostic[]): ReadGlossary {
  const documents: GlossaryDocument[] = [];
  let complete = true;
  const sources = new Map<string, YamlSource>();
  for (const { path, text, preParsed } of files) {
    const parsed = parseWorkspaceDocument<GlossaryFile>(path, text, 'glossary', validateGlossary, undefined, preParsed);
    diagnostics.push(...parsed.diagnostics);
    sources.set(path, parsed.source);
    if (parsed.value === undefined) complete = false;
    // Files that did not parse still count as glossary files; they contribute nothing.
    documents.push({ file: path, value: parsed.value });
  }
  const { glossary, issues } = buildGlossary(documents);
  for (const issue of issues) {
    const source = sources.get(issue.file);
    diagnostics.push({
      code: issue.code,
      severity: 'error',
      file: issue.file,
      ...source?.locate(issue.pointer),
      pointer: issue.pointer,
      message: issue.message,
      fix: WORKSPACE_CODES[issue.code].fix,
    });
  }
  return { glossary, complete };
}
