/**
 * The CEL environments governance expressions are checked and evaluated in: one per target,
 * with the fact types declared field by field so that a misspelt field or a type mismatch is
 * reported when the policy loads, never when it runs. CEL is not Turing complete, has no I/O and
 * no access to anything but these variables — that is what makes workspace policies safe to run.
 *
 * Building an environment is the expensive part, so each is built once per process.
 */
import { Environment } from '@marcbachmann/cel-js';
import { FACT_CLASSES } from './fact-objects.js';
import { matchesConvention, NAMING_CONVENTIONS } from './naming-conventions.js';
import type { PolicyTarget } from './policy-targets.js';

/** CEL field types of every fact object; policy-facts.ts holds the same shapes for TypeScript. */
export const FACT_TYPES = {
  Slo: { property: 'string', value: 'string', unit: 'string', driver: 'string', days: 'double' },
  Change: { kind: 'string', severity: 'string', column: 'string', explanation: 'string' },
  Identifier: { term: 'string', logicalType: 'string', format: 'string', pattern: 'string' },
  Profile: {
    sampled: 'int',
    email: 'double',
    phone: 'double',
    iban: 'double',
    paymentCard: 'double',
    nationalId: 'double',
    patternMatched: 'double',
  },
  Column: {
    name: 'string',
    table: 'string',
    logicalType: 'string',
    physicalType: 'string',
    format: 'string',
    pattern: 'string',
    timezone: 'bool',
    defaultTimezone: 'string',
    required: 'bool',
    unique: 'bool',
    primaryKey: 'bool',
    classification: 'string',
    description: 'string',
    tags: 'list<string>',
    terms: 'list<string>',
    identifier: 'Identifier',
    qualityMetrics: 'list<string>',
    masking: 'string',
    nameSuggests: 'list<string>',
    profile: 'Profile',
  },
  Port: {
    name: 'string',
    version: 'string',
    major: 'int',
    hasContract: 'bool',
    contractId: 'string',
    contractVersion: 'string',
    status: 'string',
    purpose: 'string',
    usage: 'string',
    limitations: 'string',
    tags: 'list<string>',
    slos: 'list<Slo>',
    retentionDays: 'double',
    containsPersonalData: 'bool',
    restricted: 'bool',
    openToConsumers: 'bool',
    publishedVersion: 'string',
    changes: 'list<Change>',
    consumers: 'list<string>',
    endOfLife: 'string',
    deprecatedSince: 'string',
    noticeDays: 'double',
    requiredNoticeDays: 'int',
    columns: 'list<Column>',
  },
  Product: {
    id: 'string',
    domain: 'string',
    name: 'string',
    title: 'string',
    status: 'string',
    archetype: 'string',
    version: 'string',
    ownerTeam: 'string',
    ownerTeamKnown: 'bool',
    purpose: 'string',
    usage: 'string',
    limitations: 'string',
    tags: 'list<string>',
    supportChannels: 'list<string>',
    hasPipeline: 'bool',
    dependsOn: 'list<string>',
    custom: 'map<string, string>',
    containsPersonalData: 'bool',
    ports: 'list<Port>',
  },
} as const;

const environments = new Map<PolicyTarget, Environment>();

export function celEnvironment(target: PolicyTarget): Environment {
  let env = environments.get(target);
  if (!env) environments.set(target, (env = buildEnvironment(target)));
  return env;
}

function buildEnvironment(target: PolicyTarget): Environment {
  const env = new Environment({
    limits: { maxAstNodes: 2_000, maxDepth: 50, maxListElements: 200, maxMapEntries: 200, maxCallArguments: 8 },
  });
  // Dependencies first: a type's fields may only name types already registered.
  for (const [name, fields] of Object.entries(FACT_TYPES)) {
    env.registerType(name, { ctor: FACT_CLASSES[name as keyof typeof FACT_CLASSES], fields: { ...fields } });
  }
  env.registerVariable('product', 'Product', { description: 'The product the policy looks at.' });
  if (target !== 'product') env.registerVariable('port', 'Port', { description: 'The output port.' });
  if (target === 'column') env.registerVariable('column', 'Column', { description: 'The column.' });
  env.registerVariable('params', 'map<string, dyn>', { description: "The policy's parameters." });
  env.registerFunction(
    'matchesConvention(string, string): bool',
    (name: string, convention: string) => matchesConvention(name, convention),
    {
      description: `True when the name follows the convention: ${NAMING_CONVENTIONS.join(', ')}, or a regular expression.`,
    },
  );
  env.registerFunction('semverMajor(string): int', (version: string) => BigInt(/^v?(\d+)/.exec(version)?.[1] ?? '0'), {
    description: 'The major part of a semantic version, 0 when there is none: semverMajor("2.1.0") == 2.',
  });
  return env;
}
