/**
 * Reads one product folder — descriptor, contracts, pipeline — into a DataProduct. Problems
 * local to the folder are reported here; rules across products live in ./rules.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { boundTerms } from '../glossary/glossary-binding.js';
import {
  ARCHETYPES,
  type Archetype,
  type Contract,
  type ContractTable,
  type DataProduct,
  type InputPort,
  type OutputPort,
} from '../model/model-types.js';
import type { OdcsDocument, OdpsDocument } from '../standards/documents.js';
import { validateOdcs } from '../standards/odcs/index.js';
import { validateOdps } from '../standards/odps/index.js';
import { createDocumentValidator } from '../standards/schema-validator.js';
import type { YamlSource } from '../yaml/yaml-source.js';
import { parseWorkspaceDocument } from './parse-document.js';
import { PipelineFileSchema, type PipelineFile } from './pipeline-schema.js';
import { parseSemver } from './semver.js';
import { DESCRIPTOR_FILE, PIPELINE_FILE, productDirectory } from './workspace-layout.js';
import { WORKSPACE_CODES, type WorkspaceCode } from './workspace-codes.js';

const validatePipeline = createDocumentValidator(PipelineFileSchema);

export interface ProductFolder {
  readonly domain: string;
  readonly product: string;
  /** File name (inside the folder) → text. */
  readonly files: ReadonlyMap<string, string>;
}

/** A product as read, with the YAML sources kept for positioning cross-file diagnostics. */
export interface ReadProduct {
  readonly product: DataProduct;
  readonly descriptorSource: YamlSource;
  readonly contractSources: ReadonlyMap<string, YamlSource>;
  readonly pipelineSource?: YamlSource;
}

type Loose = Record<string, unknown>;

export function readProduct(
  folder: ProductFolder,
  diagnostics: Diagnostic[],
  preParsed: (file: string) => unknown = () => undefined,
): ReadProduct | undefined {
  const dir = productDirectory(folder.domain, folder.product);
  const descriptorText = folder.files.get(DESCRIPTOR_FILE);
  if (descriptorText === undefined) {
    diagnostics.push({
      code: 'MW3009',
      severity: 'error',
      file: dir,
      message: `${dir} has product files but no ${DESCRIPTOR_FILE}`,
      fix: WORKSPACE_CODES.MW3009.fix,
    });
    return undefined;
  }
  const descriptorFile = `${dir}/${DESCRIPTOR_FILE}`;
  const descriptor = parseWorkspaceDocument<OdpsDocument>(
    descriptorFile,
    descriptorText,
    'ODPS descriptor',
    (v) => validateOdps(v).issues,
  );
  diagnostics.push(...descriptor.diagnostics);

  const contracts: Contract[] = [];
  const contractSources = new Map<string, YamlSource>();
  for (const [name, text] of [...folder.files].sort(([a], [b]) => a.localeCompare(b))) {
    if (!name.endsWith('.odcs.yaml')) continue;
    const file = `${dir}/${name}`;
    const parsed = parseWorkspaceDocument<OdcsDocument>(
      file,
      text,
      'ODCS contract',
      (v) => validateOdcs(v).issues,
      undefined,
      preParsed(file),
    );
    diagnostics.push(...parsed.diagnostics);
    if (!parsed.value) continue;
    const contract = toContract(file, parsed.value as unknown as Loose);
    if (contract) {
      contracts.push(contract);
      contractSources.set(file, parsed.source);
    }
  }

  let pipelineSource: YamlSource | undefined;
  let pipeline: DataProduct['pipeline'];
  const pipelineText = folder.files.get(PIPELINE_FILE);
  if (pipelineText !== undefined) {
    const file = `${dir}/${PIPELINE_FILE}`;
    const parsed = parseWorkspaceDocument<PipelineFile>(
      file,
      pipelineText,
      'pipeline',
      validatePipeline,
      undefined,
      preParsed(file),
    );
    diagnostics.push(...parsed.diagnostics);
    pipelineSource = parsed.source;
    if (parsed.valid && parsed.value) pipeline = { file, definition: parsed.value };
  }

  if (!descriptor.value) return undefined;
  const doc = descriptor.value as unknown as Loose;
  const at = (code: WorkspaceCode, pointer: string, message: string): void => {
    diagnostics.push({
      code,
      severity: 'error',
      file: descriptorFile,
      ...descriptor.source.locate(pointer),
      pointer,
      message,
      fix: WORKSPACE_CODES[code].fix,
    });
  };

  const declaredDomain = str(doc.domain);
  if (declaredDomain !== undefined && declaredDomain !== folder.domain) {
    at('MW3011', '/domain', `descriptor says domain "${declaredDomain}" but lives in domains/${folder.domain}`);
  }
  const archetypeValue = customProperty(doc.customProperties, 'archetype');
  let archetype: Archetype | undefined;
  if (archetypeValue !== undefined) {
    if ((ARCHETYPES as readonly unknown[]).includes(archetypeValue)) archetype = archetypeValue as Archetype;
    else
      at('MW3010', '/customProperties', `archetype "${String(archetypeValue)}" is not one of ${ARCHETYPES.join(', ')}`);
  }

  const contractsById = new Map(contracts.map((c) => [c.id, c]));
  const outputPorts: OutputPort[] = list(doc.outputPorts).map((p) => {
    const version = str(p.version) ?? '0.0.0';
    const contractId = str(p.contractId);
    return {
      name: str(p.name) ?? '',
      version,
      major: parseSemver(version)?.major ?? 0,
      description: str(p.description),
      type: str(p.type),
      contractId,
      contract: contractId === undefined ? undefined : contractsById.get(contractId),
    };
  });
  const inputPorts: InputPort[] = list(doc.inputPorts).map((p) => ({
    name: str(p.name) ?? '',
    version: str(p.version) ?? '',
    contractId: str(p.contractId) ?? '',
  }));
  const description = doc.description as Loose | undefined;
  const team = doc.team as Loose | undefined;
  const dependsOn = [
    ...new Set(
      (pipeline?.definition.inputs ?? []).flatMap((input) => (input.kind === 'product' ? [input.product] : [])),
    ),
  ].sort();

  const product: DataProduct = {
    id: `${folder.domain}.${folder.product}`,
    urn: `urn:meshwork:${folder.domain}:${folder.product}`,
    domain: folder.domain,
    name: folder.product,
    title: str(doc.name) ?? folder.product,
    descriptorId: str(doc.id) ?? '',
    version: str(doc.version),
    status: str(doc.status) ?? 'draft',
    archetype,
    ownerTeam: str(team?.name),
    description: str(description?.purpose),
    tags: Array.isArray(doc.tags) ? doc.tags.filter((t): t is string => typeof t === 'string') : [],
    directory: dir,
    descriptorFile,
    descriptor: descriptor.value,
    inputPorts,
    outputPorts,
    contracts,
    pipeline,
    dependsOn,
  };
  return { product, descriptorSource: descriptor.source, contractSources, pipelineSource };
}

function toContract(file: string, doc: Loose): Contract | undefined {
  const id = str(doc.id);
  if (id === undefined) return undefined;
  const tables: ContractTable[] = list(doc.schema).map((object) => ({
    name: str(object.name) ?? '',
    physicalName: str(object.physicalName),
    description: str(object.description),
    columns: list(object.properties).map((p) => ({
      name: str(p.name) ?? '',
      logicalType: str(p.logicalType),
      physicalType: str(p.physicalType),
      required: p.required === true,
      unique: p.unique === true,
      primaryKey: p.primaryKey === true,
      classification: str(p.classification),
      description: str(p.description),
      terms: boundTerms(p.authoritativeDefinitions),
    })),
  }));
  return {
    id,
    version: str(doc.version) ?? '',
    apiVersion: str(doc.apiVersion) ?? '',
    status: str(doc.status) ?? '',
    name: str(doc.name),
    file,
    tables,
    document: doc as unknown as OdcsDocument,
  };
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** The objects of an array-valued field; anything else (invalid, already reported) is empty. */
function list(value: unknown): Loose[] {
  return Array.isArray(value) ? value.filter((v): v is Loose => v !== null && typeof v === 'object') : [];
}

function customProperty(value: unknown, property: string): unknown {
  return list(value).find((p) => p.property === property)?.value;
}
