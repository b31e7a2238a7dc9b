/**
 * Imports a Data Contract Specification document (datacontract.com, versions 0.9.0–1.2.1) as
 * an Open Data Contract Standard v3.1.0 document.
 *
 * The mapping loses nothing: what has an ODCS field goes there, everything else goes to the
 * `customProperties` of the nearest ODCS object (document, schema object, property, server,
 * quality rule…). Problems are returned as diagnostics pointing into the DCS source; the
 * function never throws. When a document is returned, it is valid ODCS v3.1.0.
 *
 * @example
 * const { document, diagnostics } = convertDcsToOdcs(parse(readFileSync('datacontract.yaml', 'utf8')));
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { createConversionContext, dcsDiagnostic, type ConversionContext } from './dcs-conversion-context.js';
import { convertInfo } from './dcs-info-mapping.js';
import { readKeys, type KeyReader } from './dcs-key-reader.js';
import { readLinks } from './dcs-links-mapping.js';
import { splitLegacySections } from './dcs-legacy-sections.js';
import { convertModels } from './dcs-model-mapping.js';
import { convertServers } from './dcs-server-mapping.js';
import { convertServiceLevels } from './dcs-servicelevel-mapping.js';
import { convertTerms, type TermsConversion } from './dcs-terms-mapping.js';
import {
  compact,
  customProperty,
  isFiniteNumber,
  isObject,
  isString,
  setMember,
  type CustomProperty,
  type JsonObject,
} from './dcs-values.js';

/** The Data Contract Specification versions the importer reads. */
export const DCS_VERSIONS = ['1.2.1', '1.2.0', '1.1.0', '0.9.3', '0.9.2', '0.9.1', '0.9.0'] as const;

export interface DcsConversion {
  /** The ODCS v3.1.0 document, or undefined when the input could not be imported. */
  readonly document: Record<string, unknown> | undefined;
  readonly diagnostics: Diagnostic[];
}

export function convertDcsToOdcs(dcs: unknown): DcsConversion {
  const diagnostics: Diagnostic[] = [];
  try {
    return { document: convert(dcs, diagnostics), diagnostics };
  } catch (error) {
    // A bug must not take the caller down with it: report it like any other problem.
    const message = error instanceof Error ? error.message : String(error);
    diagnostics.push(dcsDiagnostic('MW5199', 'error', '', `import failed: ${message}`));
    return { document: undefined, diagnostics };
  }
}

function convert(dcs: unknown, diagnostics: Diagnostic[]): JsonObject | undefined {
  if (!isObject(dcs)) {
    diagnostics.push(dcsDiagnostic('MW5101', 'error', '', 'a data contract must be an object at the top level'));
    return undefined;
  }
  const specVersion = dcs.dataContractSpecification;
  if (specVersion === undefined || specVersion === null) {
    diagnostics.push(
      dcsDiagnostic(
        'MW5102',
        'error',
        '/dataContractSpecification',
        'dataContractSpecification is missing: this is not a DCS data contract',
      ),
    );
    return undefined;
  }
  if (!DCS_VERSIONS.some((v) => v === specVersion)) {
    diagnostics.push(
      dcsDiagnostic(
        'MW5103',
        'error',
        '/dataContractSpecification',
        `dataContractSpecification ${JSON.stringify(specVersion)} is not supported; supported versions are ${DCS_VERSIONS.join(', ')}`,
      ),
    );
    return undefined;
  }

  const context = createConversionContext(dcs, diagnostics);
  const reader = readKeys(dcs, '', context);
  reader.take('dataContractSpecification');
  const id = readId(reader, context);
  const infoRaw = reader.take('info');
  if (!isObject(infoRaw)) {
    context.report('MW5104', 'error', '/info', 'info is missing; ODCS requires a version, which DCS keeps in info');
    return undefined;
  }
  const info = convertInfo(infoRaw, '/info', context);
  if (id === undefined || info.version === undefined) return undefined;

  const terms = readSection(reader, 'terms', context, (raw) => convertTerms(raw, '/terms', context));
  const modelsRaw = reader.object('models') ?? {};
  const legacy = splitLegacySections(reader.take('quality'), reader.take('examples'), Object.keys(modelsRaw));
  const models = convertModels(modelsRaw, '/models', context, legacy);
  const servers = readSection(reader, 'servers', context, (raw) => convertServers(raw, '/servers', context)) ?? [];
  const serviceLevels = readSection(reader, 'servicelevels', context, (raw) =>
    convertServiceLevels(raw, '/servicelevels', context),
  );
  const links = readLinks(reader);
  const tags = reader.stringArray('tags');

  const customProperties: CustomProperty[] = [
    customProperty('dataContractSpecification', specVersion),
    ...info.customProperties,
    ...(terms?.customProperties ?? []),
    ...residue('models', models.residue),
    ...residue('servicelevels', serviceLevels?.leftovers ?? {}),
    ...unusedDefinitions(reader.take('definitions'), context),
    ...legacy.residue,
    ...reader.leftovers(),
  ];

  return compact({
    apiVersion: 'v3.1.0',
    kind: 'DataContract',
    id,
    name: info.name,
    version: info.version,
    status: info.status,
    description: description(info.purpose, terms),
    tags,
    servers,
    schema: models.schema,
    support: info.support,
    price: terms?.price,
    team: info.team,
    slaProperties: serviceLevels?.slaProperties,
    authoritativeDefinitions: [...info.authoritativeDefinitions, ...links],
    customProperties,
  });
}

function readId(reader: KeyReader, context: ConversionContext): string | undefined {
  const id = reader.take('id');
  if (isString(id)) return id;
  if (isFiniteNumber(id)) {
    context.report('MW5112', 'warning', '/id', `id ${id} is a number; it was imported as "${String(id)}"`);
    return String(id);
  }
  if (id !== undefined && id !== null) reader.keep('id', id);
  context.report('MW5104', 'error', '/id', 'id is missing; ODCS requires an id');
  return undefined;
}

function readSection<T>(
  reader: KeyReader,
  key: string,
  context: ConversionContext,
  convert: (raw: JsonObject) => T,
): T | undefined {
  const raw = reader.take(key);
  if (raw === undefined || raw === null) return undefined;
  if (isObject(raw)) return convert(raw);
  context.report('MW5112', 'warning', `/${key}`, `"${key}" should be an object; it was kept as a custom property`);
  reader.keep(key, raw);
  return undefined;
}

function description(purpose: string | undefined, terms: TermsConversion | undefined): JsonObject | undefined {
  const out = compact({
    purpose,
    usage: terms?.usage,
    limitations: terms?.limitations,
    authoritativeDefinitions: terms?.authoritativeDefinitions,
    customProperties: terms?.descriptionCustomProperties,
  });
  return Object.keys(out).length > 0 ? out : undefined;
}

function residue(property: string, members: JsonObject): CustomProperty[] {
  return Object.keys(members).length > 0 ? [customProperty(property, members)] : [];
}

/** Definitions no field referred to were not inlined anywhere; keep them. */
function unusedDefinitions(raw: unknown, context: ConversionContext): CustomProperty[] {
  if (raw === undefined || raw === null) return [];
  if (!isObject(raw)) return [customProperty('definitions', raw)];
  const unused: JsonObject = {};
  for (const [name, definition] of Object.entries(raw)) {
    if (!context.usedDefinitions.has(name)) setMember(unused, name, definition);
  }
  return residue('definitions', unused);
}
