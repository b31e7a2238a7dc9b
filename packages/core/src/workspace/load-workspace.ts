/**
 * Loads a workspace from its files into one immutable, validated MeshModel plus every
 * diagnostic found — never throwing for bad input. Isomorphic: the caller reads the files
 * (packages/server does it from disk) and passes the environment for `${VAR}` substitution.
 */
import { sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { DataProduct, Domain, MeshModel } from '../model/model-types.js';
import { createDocumentValidator } from '../standards/schema-validator.js';
import { emptyGlossary } from '../glossary/build-glossary.js';
import { deepFreeze } from './deep-freeze.js';
import { DomainFileSchema, type DomainFile } from './domain-schema.js';
import { parseWorkspaceDocument } from './parse-document.js';
import { readGlossary, type GlossaryFileText } from './read-glossary.js';
import { readMeshConfig } from './read-mesh-config.js';
import { readProduct, type ReadProduct } from './read-product.js';
import { createReporter, type RuleContext, type WorkspaceRule } from './rules/rule-context.js';
import { dependencyCycles } from './rules/dependency-cycles.js';
import { domainsAndTeams } from './rules/domains-and-teams.js';
import { glossaryBindings } from './rules/glossary-bindings.js';
import { inputPortsMatchPipeline } from './rules/input-ports-match-pipeline.js';
import { pipelineReferences } from './rules/pipeline-references.js';
import { portContracts } from './rules/port-contracts.js';
import { semanticVersions } from './rules/semantic-versions.js';
import { uniqueIds } from './rules/unique-ids.js';
import { classifyPath, MESH_FILE } from './workspace-layout.js';
import { WORKSPACE_CODES } from './workspace-codes.js';

export interface WorkspaceInput {
  /** Workspace-relative path (forward slashes) → text of every source file. */
  readonly files: ReadonlyMap<string, string>;
  /** Paths that exist but whose text was not read (data files, too-large files). */
  readonly otherPaths?: Iterable<string>;
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Problems found while reading files (encoding, size), merged into the result. */
  readonly readDiagnostics?: readonly Diagnostic[];
  /**
   * Values of some files already parsed by js-yaml (the server parses large workspaces in worker
   * threads); files missing here are parsed as usual.
   */
  readonly parsed?: ReadonlyMap<string, unknown>;
}

export interface LoadResult {
  readonly model: MeshModel;
  readonly diagnostics: readonly Diagnostic[];
}

const RULES: readonly WorkspaceRule[] = [
  uniqueIds,
  portContracts,
  domainsAndTeams,
  semanticVersions,
  pipelineReferences,
  inputPortsMatchPipeline,
  dependencyCycles,
  glossaryBindings,
];

const validateDomain = createDocumentValidator(DomainFileSchema);

export function loadWorkspace(input: WorkspaceInput): LoadResult {
  const diagnostics: Diagnostic[] = [...(input.readDiagnostics ?? [])];
  const meshText = input.files.get(MESH_FILE);
  if (meshText === undefined) {
    diagnostics.push({
      code: 'MW1001',
      severity: 'error',
      file: MESH_FILE,
      message: 'this folder is not a mesh workspace: mesh.yaml is missing',
      fix: WORKSPACE_CODES.MW1001.fix,
    });
    return { model: emptyModel(), diagnostics: sortDiagnostics(diagnostics) };
  }
  const settings = readMeshConfig(meshText, input.env ?? {});
  diagnostics.push(...settings.diagnostics);

  const domains = new Map<string, Domain>();
  const invalidDomains = new Set<string>();
  const folders = new Map<string, { domain: string; product: string; files: Map<string, string> }>();
  const glossaryFiles: GlossaryFileText[] = [];
  for (const [path, text] of [...input.files].sort(([a], [b]) => a.localeCompare(b))) {
    const role = classifyPath(path);
    if (role.role === 'domain') {
      const domain = readDomain(path, role.domain, text, diagnostics);
      if (domain) domains.set(domain.name, domain);
      else invalidDomains.add(role.domain);
    } else if (role.role === 'glossary') {
      glossaryFiles.push({ path, text, preParsed: input.parsed?.get(path) });
    } else if (role.role === 'unrecognised') {
      diagnostics.push({
        code: 'MW1008',
        severity: 'warning',
        file: path,
        message: `${path} is not a file Meshwork knows in a product folder`,
        fix: WORKSPACE_CODES.MW1008.fix,
      });
    } else if (role.role !== 'mesh' && role.role !== 'ignored') {
      const key = `${role.domain}/${role.product}`;
      let folder = folders.get(key);
      if (!folder) folders.set(key, (folder = { domain: role.domain, product: role.product, files: new Map() }));
      folder.files.set(path.slice(`domains/${key}/`.length), text);
    }
  }

  const { glossary, complete: glossaryComplete } = readGlossary(glossaryFiles, diagnostics);

  const reads: ReadProduct[] = [];
  for (const folder of folders.values()) {
    const read = readProduct(folder, diagnostics, (file) => input.parsed?.get(file));
    if (read) reads.push(read);
  }
  reads.sort((a, b) => a.product.id.localeCompare(b.product.id));

  const context: RuleContext = {
    config: settings.config,
    teams: settings.teams,
    domains,
    invalidDomains,
    products: reads,
    productsById: new Map(reads.map((r) => [r.product.id, r])),
    glossary,
    glossaryComplete,
    paths: new Set([...input.files.keys(), ...(input.otherPaths ?? [])]),
    report: createReporter(diagnostics),
  };
  for (const rule of RULES) rule(context);

  const model: MeshModel = {
    name: settings.config?.name ?? 'unnamed mesh',
    description: settings.config?.description,
    config: settings.config ?? { apiVersion: 'meshwork/v1', kind: 'Mesh', name: 'unnamed mesh' },
    teams: settings.teams,
    users: settings.users,
    serviceAccounts: settings.serviceAccounts,
    domains: new Map([...domains].sort(([a], [b]) => a.localeCompare(b))),
    products: new Map<string, DataProduct>(reads.map((r) => [r.product.id, r.product])),
    glossary,
  };
  return { model: deepFreeze(model), diagnostics: sortDiagnostics(diagnostics) };
}

function readDomain(path: string, folderName: string, text: string, diagnostics: Diagnostic[]): Domain | undefined {
  const parsed = parseWorkspaceDocument<DomainFile>(path, text, 'domain', validateDomain);
  diagnostics.push(...parsed.diagnostics);
  if (!parsed.valid || !parsed.value) return undefined;
  const file = parsed.value;
  if (file.name !== folderName) {
    diagnostics.push({
      code: 'MW3011',
      severity: 'error',
      file: path,
      ...parsed.source.locate('/name'),
      pointer: '/name',
      message: `domain name "${file.name}" does not match its folder domains/${folderName}`,
      fix: 'Rename the folder or the domain so that they match.',
    });
  }
  return {
    name: folderName,
    title: file.title ?? folderName,
    description: file.description,
    owner: file.owner,
    parent: file.parent,
    tags: file.tags ?? [],
    file: path,
  };
}

function emptyModel(): MeshModel {
  return deepFreeze({
    name: 'unnamed mesh',
    config: { apiVersion: 'meshwork/v1', kind: 'Mesh', name: 'unnamed mesh' },
    teams: new Map(),
    users: new Map(),
    serviceAccounts: new Map(),
    domains: new Map(),
    products: new Map(),
    glossary: emptyGlossary(),
  });
}
