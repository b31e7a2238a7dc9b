/**
 * ODPS documents built for the equivalence tests: one that uses every field v1.0.0 defines
 * (so that single mutations reach every field), and converters between v1.0.0 and strict
 * v0.9.0 structure. Meshwork's own test data.
 */
import type { Json } from './json-mutations.js';

const definitions = (): Json => [
  { type: 'businessDefinition', url: 'https://example.com/glossary/customer', description: 'Glossary entry' },
];
const custom = (): Json => [{ property: 'costCentre', value: 'cc-42', description: 'Who pays' }];
const extras = (): Record<string, Json> => ({
  tags: ['finance'],
  customProperties: custom(),
  authoritativeDefinitions: definitions(),
});

export function completeOdpsV100(): Json {
  return {
    apiVersion: 'v1.0.0',
    kind: 'DataProduct',
    id: 'b3f0c0de-0000-4000-8000-000000000001',
    name: 'Orders',
    version: '1.2.0',
    status: 'active',
    domain: 'sales',
    tenant: 'acme',
    authoritativeDefinitions: definitions(),
    description: {
      purpose: 'All orders',
      limitations: 'None',
      usage: 'Reporting',
      authoritativeDefinitions: definitions(),
      customProperties: custom(),
    },
    customProperties: custom(),
    tags: ['orders'],
    inputPorts: [{ name: 'erp', version: '1.0.0', contractId: 'erp-orders', ...extras() }],
    outputPorts: [
      {
        name: 'orders',
        description: 'Cleaned orders',
        type: 'tables',
        version: '1.0.0',
        contractId: 'orders-v1',
        sbom: [{ type: 'external', url: 'https://example.com/sbom.json' }],
        inputContracts: [{ id: 'erp-orders', version: '1.0.0' }],
        ...extras(),
      },
    ],
    managementPorts: [
      {
        name: 'metrics',
        content: 'observability',
        type: 'rest',
        url: 'https://example.com/metrics',
        channel: 'ops',
        description: 'Health and metrics',
        ...extras(),
      },
    ],
    support: [
      {
        channel: 'orders-help',
        url: 'https://chat.example.com/orders-help',
        description: 'Questions',
        tool: 'slack',
        scope: 'interactive',
        invitationUrl: 'https://chat.example.com/invite',
        ...extras(),
      },
    ],
    team: {
      name: 'Orders team',
      description: 'Owns orders',
      members: [
        {
          username: 'ada@example.com',
          name: 'Ada',
          description: 'Product owner',
          role: 'owner',
          dateIn: '2023-01-15',
          dateOut: '2024-06-30',
          replacedByUsername: 'grace@example.com',
          ...extras(),
        },
      ],
      ...extras(),
    },
    productCreatedTs: '2023-01-15T10:30:00Z',
  };
}

export function withApiVersion(doc: Json, apiVersion: string): Json {
  return { ...(doc as Record<string, Json>), apiVersion };
}

/** The same product written with only what v0.9.0 allows. */
export function asStrictOdpsV090(doc: Json): Json {
  const copy = structuredClone(doc) as Record<string, Json>;
  copy.apiVersion = 'v0.9.0';
  for (const key of ['inputPorts', 'outputPorts']) {
    for (const port of (copy[key] as Record<string, Json>[] | undefined) ?? []) {
      delete port.tags;
      delete port.customProperties;
      delete port.authoritativeDefinitions;
    }
  }
  for (const port of (copy.managementPorts as Record<string, Json>[] | undefined) ?? []) {
    for (const definition of (port.authoritativeDefinitions as Record<string, Json>[] | undefined) ?? []) {
      definition.type = 'implementation';
    }
  }
  const team = copy.team as Record<string, Json> | undefined;
  if (team && !Array.isArray(team)) copy.team = team.members ?? [];
  return copy;
}
