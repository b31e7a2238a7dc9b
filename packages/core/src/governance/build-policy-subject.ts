/**
 * Lifts one product of the mesh model into the facts policies read, with where each target is
 * written. What the model alone cannot say — masking, who may query, the data profile, the
 * published contract — comes from `SubjectSources`, which the server fills from the access
 * policies, the warehouse and the metadata store (each optional: a fact nobody supplies stays
 * at its "unknown" value, see blank-facts.ts).
 */
import type { ContractColumn, DataProduct, MeshModel, OutputPort } from '../model/model-types.js';
import { BLANK_PROFILE } from './blank-facts.js';
import type {
  ColumnFacts,
  ContractChangeFacts,
  IdentifierFacts,
  PortFacts,
  ProductFacts,
  ProfileFacts,
  SloFacts,
} from './policy-facts.js';
import type { PolicySubject, PortLocation } from './policy-subject.js';
import { deprecationFacts } from './deprecation-facts.js';
import { productFact } from './fact-objects.js';
import { piiNameHints } from './pii-name-hints.js';
import { sloFacts } from './slo-facts.js';

export interface ColumnRef {
  readonly product: DataProduct;
  readonly port: OutputPort;
  readonly table: string;
  readonly column: ContractColumn;
}

export interface PublishedContract {
  readonly version: string;
  readonly changes: readonly ContractChangeFacts[];
  /** Who the changes would affect (see PortFacts.consumers). */
  readonly consumers?: readonly string[];
}

export interface SubjectSources {
  /** The masking rule of the access policies that covers the column, `<id> (<strategy>)`; '' when none. */
  readonly masking?: (ref: ColumnRef) => string;
  /** Whether a consumer with no agreement may query the port. */
  readonly openToConsumers?: (product: DataProduct, port: OutputPort) => boolean;
  /** The data profile of the port's current snapshot, by column name. */
  readonly profile?: (product: DataProduct, port: OutputPort) => ReadonlyMap<string, ProfileFacts> | undefined;
  /** The contract version last published for the port, and what changed since. */
  readonly published?: (product: DataProduct, port: OutputPort) => PublishedContract | undefined;
  /** The glossary identifier a bound term names, e.g. `Customer.customer_id`. */
  readonly identifier?: (term: string) => Omit<IdentifierFacts, 'term'> | undefined;
  /** The day (`YYYY-MM-DD`) the port's contract was first published with `status: deprecated`. */
  readonly deprecatedSince?: (product: DataProduct, port: OutputPort) => string | undefined;
  /** Today (`YYYY-MM-DD`, UTC), for facts relative to now; the current day when absent. */
  readonly today?: string;
}

type Loose = Readonly<Record<string, unknown>>;

export function buildPolicySubject(
  model: MeshModel,
  product: DataProduct,
  sources: SubjectSources = {},
): PolicySubject {
  const descriptor = product.descriptor as unknown as Loose;
  const description = (descriptor.description ?? {}) as Loose;
  const portLocations: PortLocation[] = [];
  const ports: PortFacts[] = product.outputPorts.map((port) => {
    const { facts, location } = portFactsOf(model, product, port, sources);
    portLocations.push(location);
    return facts;
  });
  const containsPersonalData =
    ports.some((p) => p.containsPersonalData) || customValue(descriptor, 'containsPersonalData') === 'true';
  const facts: ProductFacts = {
    id: product.id,
    domain: product.domain,
    name: product.name,
    title: product.title,
    status: product.status,
    archetype: product.archetype ?? '',
    version: product.version ?? '',
    ownerTeam: product.ownerTeam ?? '',
    ownerTeamKnown: product.ownerTeam !== undefined && model.teams.has(product.ownerTeam),
    purpose: text(description.purpose),
    usage: text(description.usage),
    limitations: text(description.limitations),
    tags: product.tags,
    supportChannels: supportChannels(descriptor, product),
    hasPipeline: product.pipeline !== undefined,
    dependsOn: product.dependsOn,
    custom: customProperties(descriptor),
    containsPersonalData,
    ports,
  };
  return { facts: productFact(facts), descriptorFile: product.descriptorFile, ports: portLocations };
}

function portFactsOf(
  model: MeshModel,
  product: DataProduct,
  port: OutputPort,
  sources: SubjectSources,
): { facts: PortFacts; location: PortLocation } {
  const contract = port.contract;
  const doc = (contract?.document ?? {}) as unknown as Loose;
  const description = (doc.description ?? {}) as Loose;
  const profile = sources.profile?.(product, port);
  const columns: ColumnFacts[] = [];
  const pointers: { pointer: string }[] = [];
  contract?.tables.forEach((table, t) => {
    const object = list(doc.schema)[t] ?? {};
    const raw = list(object.properties);
    const tableRules = tableRuleMetrics(object);
    table.columns.forEach((column, c) => {
      const ref = { product, port, table: table.name, column };
      const facts = columnFactsOf(ref, raw[c] ?? {}, profile?.get(column.name), sources);
      const covering = tableRules.get(column.name);
      columns.push(
        covering ? { ...facts, qualityMetrics: [...new Set([...facts.qualityMetrics, ...covering])] } : facts,
      );
      pointers.push({ pointer: `/schema/${t}/properties/${c}` });
    });
  });
  const slos: SloFacts[] = sloFacts(doc.slaProperties);
  const published = sources.published?.(product, port);
  const facts: PortFacts = {
    name: port.name,
    version: port.version,
    major: BigInt(port.major),
    hasContract: contract !== undefined,
    contractId: contract?.id ?? '',
    contractVersion: contract?.version ?? '',
    status: contract?.status ?? '',
    purpose: text(description.purpose),
    usage: text(description.usage),
    limitations: text(description.limitations),
    tags: strings(doc.tags),
    slos,
    retentionDays: slos.find((s) => s.property === 'retention')?.days ?? -1,
    containsPersonalData: columns.some((c) => c.classification === 'pii' || c.classification === 'restricted'),
    restricted: columns.some((c) => c.classification === 'restricted'),
    openToConsumers: sources.openToConsumers?.(product, port) ?? false,
    publishedVersion: published?.version ?? '',
    changes: published?.changes ?? [],
    consumers: published?.consumers ?? [],
    ...deprecationFacts(
      contract,
      model.config,
      sources.deprecatedSince?.(product, port),
      sources.today ?? new Date().toISOString().slice(0, 10),
    ),
    columns,
  };
  const location = contract
    ? { file: contract.file, pointer: '', columns: pointers }
    : { file: product.descriptorFile, pointer: outputPortPointer(product, port), columns: [] };
  return { facts, location };
}

function columnFactsOf(
  ref: ColumnRef,
  raw: Loose,
  profile: ProfileFacts | undefined,
  sources: SubjectSources,
): ColumnFacts {
  const { column } = ref;
  const options = (raw.logicalTypeOptions ?? {}) as Loose;
  const terms = column.terms;
  const identifierTerm = terms.find((term) => sources.identifier?.(term) !== undefined) ?? '';
  const identifier = identifierTerm ? sources.identifier?.(identifierTerm) : undefined;
  return {
    name: column.name,
    table: ref.table,
    logicalType: column.logicalType ?? '',
    physicalType: column.physicalType ?? '',
    format: text(options.format),
    pattern: text(options.pattern),
    timezone: options.timezone === true,
    defaultTimezone: text(options.defaultTimezone),
    required: column.required,
    unique: column.unique,
    primaryKey: column.primaryKey,
    // Compared case-insensitively, as the access policies compare it.
    classification: (column.classification ?? '').toLowerCase(),
    description: column.description ?? '',
    tags: strings(raw.tags),
    terms,
    identifier: { term: identifierTerm, logicalType: '', format: '', pattern: '', ...identifier },
    qualityMetrics: list(raw.quality).flatMap((rule) => {
      const metric = rule.metric ?? rule.rule;
      return typeof metric === 'string' ? [metric] : [];
    }),
    masking: sources.masking?.(ref) ?? '',
    nameSuggests: piiNameHints(column.name),
    profile: profile ?? BLANK_PROFILE,
  };
}

/**
 * Metrics of table-level rules that name columns in `arguments.properties` (a composite key's
 * `duplicateValues`), by column: such a rule checks each column it names as part of the set.
 */
function tableRuleMetrics(object: Loose): Map<string, string[]> {
  const byColumn = new Map<string, string[]>();
  for (const rule of list(object.quality)) {
    const metric = rule.metric ?? rule.rule;
    const names = strings(((rule.arguments ?? {}) as Loose).properties);
    if (typeof metric !== 'string') continue;
    for (const name of names) byColumn.set(name, [...(byColumn.get(name) ?? []), metric]);
  }
  return byColumn;
}

function supportChannels(descriptor: Loose, product: DataProduct): string[] {
  const channels = [descriptor, ...product.contracts.map((c) => c.document as unknown as Loose)].flatMap((doc) =>
    list(doc.support).map((s) => text(s.url) || text(s.channel)),
  );
  return [...new Set(channels.filter((c) => c !== ''))];
}

function customProperties(doc: Loose): Record<string, string> {
  const result: Record<string, string> = {};
  for (const entry of list(doc.customProperties)) {
    if (typeof entry.property === 'string') result[entry.property] = stringify(entry.value);
  }
  return result;
}

function customValue(doc: Loose, property: string): string | undefined {
  const entry = list(doc.customProperties).find((p) => p.property === property);
  return entry ? stringify(entry.value) : undefined;
}

function outputPortPointer(product: DataProduct, port: OutputPort): string {
  const ports = list((product.descriptor as unknown as Loose).outputPorts);
  const index = ports.findIndex((p) => p.name === port.name && p.version === port.version);
  return index < 0 ? '/outputPorts' : `/outputPorts/${index}`;
}

function stringify(value: unknown): string {
  return typeof value === 'string' ? value : value === undefined || value === null ? '' : JSON.stringify(value);
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function list(value: unknown): Loose[] {
  return Array.isArray(value) ? value.filter((v): v is Loose => v !== null && typeof v === 'object') : [];
}
