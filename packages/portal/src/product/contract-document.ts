/**
 * An ODCS v3.1.0 contract document read for display: its terms, schema (nested properties
 * flattened to dotted names), quality rules in words, SLA properties, support and team, and its
 * deprecation. Read defensively — the document is as its authors wrote it (or as it was
 * registered), so any field may be missing or of another shape; nothing here throws.
 */
import type { SlaProperty } from './product-api-types.js';

export interface ContractColumn {
  /** Dotted for nested properties, `[]` for array items: `address.city`, `tags[]`. */
  readonly name: string;
  readonly logicalType: string | null;
  readonly physicalType: string | null;
  readonly required: boolean;
  readonly unique: boolean;
  readonly primaryKey: boolean;
  readonly classification: string | null;
  readonly description: string | null;
  readonly rules: number;
}

export interface QualityRule {
  /** The table, or `table.column`. */
  readonly appliesTo: string;
  readonly rule: string;
  readonly dimension: string | null;
  readonly severity: string | null;
  readonly description: string | null;
}

export interface ContractTable {
  readonly name: string;
  readonly description: string | null;
  readonly granularity: string | null;
  /** Mutable arrays where a DataTable takes them as they are (its `data` is `T[]`). */
  readonly columns: ContractColumn[];
}

export interface SupportChannel {
  readonly channel: string;
  readonly url: string | null;
  readonly tool: string | null;
  readonly scope: string | null;
  readonly description: string | null;
}

export interface ContractView {
  readonly name: string | null;
  readonly version: string | null;
  readonly status: string | null;
  readonly terms: {
    readonly purpose: string | null;
    readonly usage: string | null;
    readonly limitations: string | null;
  };
  readonly price: string | null;
  readonly deprecation: { readonly endOfSupport: string | null; readonly endOfLife: string | null } | null;
  readonly tables: readonly ContractTable[];
  readonly qualityRules: QualityRule[];
  readonly slaProperties: SlaProperty[];
  readonly support: readonly SupportChannel[];
  readonly team: readonly { readonly name: string; readonly role: string | null }[];
}

type Json = Readonly<Record<string, unknown>>;

export function readContractDocument(document: unknown): ContractView {
  const doc = record(document);
  const description = record(doc.description);
  const slaProperties = list(doc.slaProperties).flatMap((p): SlaProperty[] => {
    const property = text(record(p).property);
    return property ? [{ ...(record(p) as Partial<SlaProperty>), property }] : [];
  });
  const sla = (name: string) => {
    const found = slaProperties.find((p) => p.property === name);
    return found?.value != null ? String(found.value) : null;
  };
  const status = text(doc.status);
  const endOfSupport = sla('endOfSupport');
  const endOfLife = sla('endOfLife');
  const qualityRules: QualityRule[] = [];
  const tables = list(doc.schema).map((t) => readTable(record(t), qualityRules));
  return {
    name: text(doc.name),
    version: text(doc.version),
    status,
    terms: {
      purpose: text(description.purpose),
      usage: text(description.usage),
      limitations: text(description.limitations),
    },
    price: priceOf(record(doc.price)),
    deprecation: status === 'deprecated' || endOfLife ? { endOfSupport, endOfLife } : null,
    tables,
    qualityRules,
    slaProperties,
    support: list(doc.support).flatMap((s): SupportChannel[] => {
      const item = record(s);
      const channel = text(item.channel) ?? text(item.url);
      if (!channel) return [];
      return [
        {
          channel,
          url: text(item.url),
          tool: text(item.tool),
          scope: text(item.scope),
          description: text(item.description),
        },
      ];
    }),
    team: teamOf(doc.team),
  };
}

function readTable(table: Json, rules: QualityRule[]): ContractTable {
  const name = text(table.name) ?? '(unnamed)';
  const columns: ContractColumn[] = [];
  for (const rule of list(table.quality)) rules.push(readRule(name, record(rule)));
  const walk = (properties: readonly unknown[], prefix: string) => {
    for (const p of properties) {
      const property = record(p);
      const own = `${prefix}${text(property.name) ?? '(unnamed)'}`;
      const quality = list(property.quality);
      for (const rule of quality) rules.push(readRule(`${name}.${own}`, record(rule)));
      columns.push(readColumn(own, property, quality.length));
      walk(list(property.properties), `${own}.`);
      const items = record(property.items);
      if (Object.keys(items).length > 0) walk([{ ...items, name: '[]' }], own);
    }
  };
  walk(list(table.properties), '');
  return {
    name,
    description: text(table.description),
    granularity: text(table.dataGranularityDescription),
    columns,
  };
}

function readColumn(name: string, property: Json, rules: number): ContractColumn {
  return {
    name,
    logicalType: text(property.logicalType),
    physicalType: text(property.physicalType),
    required: property.required === true,
    unique: property.unique === true,
    primaryKey: property.primaryKey === true,
    classification: text(property.classification),
    description: text(property.description),
    rules,
  };
}

/** ODCS's comparison operators, in words. */
const OPERATORS: readonly (readonly [key: string, words: string])[] = [
  ['mustBe', 'must be'],
  ['mustNotBe', 'must not be'],
  ['mustBeGreaterThan', 'must be >'],
  ['mustBeGreaterOrEqualTo', 'must be ≥'],
  ['mustBeLessThan', 'must be <'],
  ['mustBeLessOrEqualTo', 'must be ≤'],
  ['mustBeBetween', 'must be between'],
  ['mustNotBeBetween', 'must not be between'],
];

/** A quality rule in words: `nullValues must be 0`, `sql: SELECT … must be < 10`, or its name. */
export function ruleText(rule: Json): string {
  const type = text(rule.type) ?? 'library';
  const subject =
    type === 'sql'
      ? `SQL ${text(rule.query) ?? ''}`.trim()
      : type === 'custom'
        ? `custom (${text(rule.engine) ?? 'engine not named'})`
        : type === 'text'
          ? (text(rule.description) ?? 'described in text')
          : (text(rule.metric) ?? text(rule.rule) ?? text(rule.name) ?? type);
  const args = record(rule.arguments);
  const argText = Object.entries(args)
    .map(([key, value]) => `${key} ${Array.isArray(value) ? value.join(', ') : String(value)}`)
    .join('; ');
  const operator = OPERATORS.find(([key]) => rule[key] !== undefined);
  const bound = operator
    ? ` ${operator[1]} ${Array.isArray(rule[operator[0]]) ? (rule[operator[0]] as unknown[]).join(' and ') : String(rule[operator[0]])}${text(rule.unit) === 'percent' ? ' %' : ''}`
    : '';
  return `${subject}${argText ? ` (${argText})` : ''}${bound}`;
}

function readRule(appliesTo: string, rule: Json): QualityRule {
  return {
    appliesTo,
    rule: ruleText(rule),
    dimension: text(rule.dimension),
    severity: text(rule.severity),
    description: rule.type === 'text' ? null : text(rule.description),
  };
}

function priceOf(price: Json): string | null {
  const amount = price.priceAmount;
  if (typeof amount !== 'number' && typeof amount !== 'string') return null;
  const unit = text(price.priceUnit);
  return [String(amount), text(price.priceCurrency), unit && `per ${unit}`].filter((part) => part !== null).join(' ');
}

/** ODCS v3.1 `team: { name, members: [...] }`, or the v3.0 list of members. */
function teamOf(team: unknown): ContractView['team'] {
  const members = Array.isArray(team) ? team : list(record(team).members);
  return members.flatMap((m) => {
    const member = record(m);
    const name = text(member.name) ?? text(member.username);
    return name ? [{ name, role: text(member.role) }] : [];
  });
}

function record(value: unknown): Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {};
}

function list(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

function text(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() ? value : null;
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : null;
}
