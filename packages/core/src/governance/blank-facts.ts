/**
 * Facts with every field at its "nothing known" value, and a merge of partial facts over them:
 * policy tests and built-in examples write only the fields that matter to the case.
 */
import { columnFact, portFact, productFact } from './fact-objects.js';
import type {
  ColumnFacts,
  PortFacts,
  ProductFacts,
  ProfileFacts,
  SloFacts,
  ContractChangeFacts,
} from './policy-facts.js';

export const BLANK_PROFILE: ProfileFacts = {
  sampled: 0n,
  email: 0,
  phone: 0,
  iban: 0,
  paymentCard: 0,
  nationalId: 0,
  patternMatched: -1,
};

export const BLANK_COLUMN: ColumnFacts = {
  name: 'column',
  table: 'table',
  logicalType: 'string',
  physicalType: '',
  format: '',
  pattern: '',
  timezone: false,
  defaultTimezone: '',
  required: false,
  unique: false,
  primaryKey: false,
  classification: '',
  description: '',
  tags: [],
  terms: [],
  identifier: { term: '', logicalType: '', format: '', pattern: '' },
  qualityMetrics: [],
  masking: '',
  nameSuggests: [],
  profile: BLANK_PROFILE,
};

export const BLANK_PORT: PortFacts = {
  name: 'port',
  version: '1.0.0',
  major: 1n,
  hasContract: true,
  contractId: '',
  contractVersion: '1.0.0',
  status: 'active',
  purpose: '',
  usage: '',
  limitations: '',
  tags: [],
  slos: [],
  retentionDays: -1,
  containsPersonalData: false,
  restricted: false,
  openToConsumers: false,
  publishedVersion: '',
  changes: [],
  consumers: [],
  endOfLife: '',
  deprecatedSince: '',
  noticeDays: -1,
  requiredNoticeDays: 30n,
  columns: [],
};

export const BLANK_PRODUCT: ProductFacts = {
  id: 'domain.product',
  domain: 'domain',
  name: 'product',
  title: 'product',
  status: 'active',
  archetype: '',
  version: '1.0.0',
  ownerTeam: '',
  ownerTeamKnown: false,
  purpose: '',
  usage: '',
  limitations: '',
  tags: [],
  supportChannels: [],
  hasPipeline: false,
  dependsOn: [],
  custom: {},
  containsPersonalData: false,
  ports: [],
};

const BLANK_SLO: SloFacts = { property: '', value: '', unit: '', driver: '', days: -1 };
const BLANK_CHANGE: ContractChangeFacts = { kind: '', severity: 'non-breaking', column: '', explanation: '' };

type Partial = Readonly<Record<string, unknown>> | undefined;

export function productFacts(partial: Partial): ProductFacts {
  const merged = merge(BLANK_PRODUCT, partial);
  return productFact({ ...merged, ports: listOf(partial?.ports, portFacts) });
}

export function portFacts(partial: Partial): PortFacts {
  const merged = merge(BLANK_PORT, partial);
  return portFact({
    ...merged,
    slos: listOf(partial?.slos, (s) => merge(BLANK_SLO, s)),
    changes: listOf(partial?.changes, (c) => merge(BLANK_CHANGE, c)),
    columns: listOf(partial?.columns, columnFacts),
  });
}

export function columnFacts(partial: Partial): ColumnFacts {
  const merged = merge(BLANK_COLUMN, partial);
  return columnFact({
    ...merged,
    identifier: merge(BLANK_COLUMN.identifier, partial?.identifier as Partial),
    profile: merge(BLANK_PROFILE, partial?.profile as Partial),
  });
}

function listOf<T>(value: unknown, make: (item: Partial) => T): T[] {
  return Array.isArray(value) ? value.map((item) => make(item as Partial)) : [];
}

/** Fields of `blank` overridden by `partial`, with numbers made bigint where the blank is bigint. */
function merge<T extends object>(blank: T, partial: Partial): T {
  const result: Record<string, unknown> = { ...(blank as Record<string, unknown>) };
  for (const [key, value] of Object.entries(partial ?? {})) {
    if (!(key in blank)) throw new Error(`unknown fact "${key}"`);
    const current = (blank as Record<string, unknown>)[key];
    result[key] = typeof current === 'bigint' && typeof value === 'number' ? BigInt(Math.trunc(value)) : value;
  }
  return result as T;
}
