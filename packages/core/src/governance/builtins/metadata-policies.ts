/** Built-in policies on required metadata: owner, description, support, SLOs, terms of use. */
import type { BuiltinPolicy } from './builtin-policy.js';

export const METADATA_POLICIES: readonly BuiltinPolicy[] = [
  {
    name: 'required-owner-team',
    description: 'Every product names its owner team, declared in mesh.yaml.',
    rationale: 'A product without an accountable team has no one to fix it, approve access or answer consumers.',
    severity: 'blocking',
    scope: { target: 'product' },
    check: 'product.ownerTeam != "" && product.ownerTeamKnown',
    message:
      'product.ownerTeam == "" ? "the descriptor names no owner team" : "owner team \\"" + product.ownerTeam + "\\" is not a team of mesh.yaml"',
    field: '/team/name',
    fix: 'Set team.name in product.odps.yaml to a team declared under teams: in mesh.yaml.',
    params: {},
    tests: [
      { name: 'a known team passes', product: { ownerTeam: 'sales-data', ownerTeamKnown: true }, expect: 'pass' },
      { name: 'no team fails', product: { ownerTeam: '' }, expect: 'fail' },
      { name: 'an undeclared team fails', product: { ownerTeam: 'ghosts', ownerTeamKnown: false }, expect: 'fail' },
    ],
  },
  {
    name: 'required-description',
    description: 'Every product says what it is for (purpose) and how to use it (usage).',
    rationale: 'Consumers choose products by their purpose; undocumented products are not discoverable.',
    severity: 'blocking',
    scope: { target: 'product' },
    check: 'product.purpose.size() >= params.minPurposeLength && product.usage != ""',
    message:
      'product.purpose.size() < params.minPurposeLength ? "description.purpose is missing or shorter than " + string(params.minPurposeLength) + " characters" : "description.usage is missing"',
    field: '/description',
    fix: 'Write description.purpose (what the product is for) and description.usage (how to use it) in product.odps.yaml.',
    params: { minPurposeLength: { description: 'Fewest characters a purpose may have.', default: 20 } },
    tests: [
      {
        name: 'purpose and usage pass',
        product: { purpose: 'All orders of every channel.', usage: 'Join on order_id.' },
        expect: 'pass',
      },
      { name: 'a short purpose fails', product: { purpose: 'orders', usage: 'x' }, expect: 'fail' },
      { name: 'no usage fails', product: { purpose: 'All orders of every channel.' }, expect: 'fail' },
    ],
  },
  {
    name: 'required-support-channel',
    description: 'Every product has at least one support channel.',
    rationale: 'Consumers need a place to ask questions and report wrong data.',
    severity: 'blocking',
    scope: { target: 'product' },
    check: 'product.supportChannels.size() > 0',
    message: '"the product lists no support channel"',
    field: '/support',
    fix: 'Add a support: entry (channel and url) to product.odps.yaml.',
    params: {},
    tests: [
      { name: 'a channel passes', product: { supportChannels: ['https://chat.example.com/x'] }, expect: 'pass' },
      { name: 'none fails', product: { supportChannels: [] }, expect: 'fail' },
    ],
  },
  {
    name: 'required-slo',
    description: 'Every output port promises at least one SLO in its contract, and the required ones.',
    rationale: 'Without freshness and latency promises, consumers cannot build on a product safely.',
    severity: 'blocking',
    scope: { target: 'port' },
    check: 'port.slos.size() > 0 && params.properties.all(p, port.slos.exists(s, s.property == p))',
    message:
      'port.slos.size() == 0 ? "the contract declares no SLO (slaProperties)" : "the contract lacks the SLOs " + params.properties.filter(p, !port.slos.exists(s, s.property == p)).join(", ")',
    field: '/slaProperties',
    fix: 'Add slaProperties (e.g. latency, frequency, retention) to the contract.',
    params: { properties: { description: 'SLO properties every contract must declare.', default: [] } },
    tests: [
      { name: 'one SLO passes', port: { slos: [{ property: 'latency', value: '1', unit: 'd' }] }, expect: 'pass' },
      { name: 'no SLO fails', port: { slos: [] }, expect: 'fail' },
      {
        name: 'a missing required SLO fails',
        port: { slos: [{ property: 'latency', value: '1', unit: 'd' }] },
        params: { properties: ['latency', 'retention'] },
        expect: 'fail',
      },
    ],
  },
  {
    name: 'required-terms-of-use',
    description: "Every output port's contract states its terms of use (description.usage).",
    rationale: 'Consumers must know what they may do with the data before they request it.',
    severity: 'blocking',
    scope: { target: 'port' },
    check: 'port.usage.size() >= params.minLength',
    message: '"the contract states no terms of use (description.usage)"',
    field: '/description/usage',
    fix: 'Write description.usage in the contract: allowed uses, restrictions, attribution.',
    params: { minLength: { description: 'Fewest characters the terms may have.', default: 10 } },
    tests: [
      { name: 'terms pass', port: { usage: 'Internal analytics only.' }, expect: 'pass' },
      { name: 'no terms fail', port: { usage: '' }, expect: 'fail' },
    ],
  },
];
