/** Built-in policies on quality and versioning: key checks of source-aligned products, breaking changes. */
import type { BuiltinPolicy } from './builtin-policy.js';

const SOURCE_ALIGNED = { archetype: 'source-aligned' };

export const QUALITY_POLICIES: readonly BuiltinPolicy[] = [
  {
    name: 'primary-key-quality',
    description: 'Primary keys of source-aligned products have completeness and uniqueness checks.',
    rationale:
      'Every other product joins on these keys; a duplicate or missing key multiplies or loses rows downstream.',
    severity: 'blocking',
    scope: { target: 'column', archetypes: ['source-aligned'] },
    where: 'column.primaryKey',
    check: '"nullValues" in column.qualityMetrics && "duplicateValues" in column.qualityMetrics',
    message:
      '"primary key " + column.name + " lacks " + ["nullValues", "duplicateValues"].filter(m, !(m in column.qualityMetrics)).join(" and ") + " quality rules"',
    field: '/quality',
    fix: 'Add library quality rules `metric: nullValues, mustBe: 0` and `metric: duplicateValues, mustBe: 0` to the key column.',
    params: {},
    tests: [
      {
        name: 'both checks pass',
        product: SOURCE_ALIGNED,
        column: { primaryKey: true, qualityMetrics: ['nullValues', 'duplicateValues'] },
        expect: 'pass',
      },
      {
        name: 'a missing uniqueness check fails',
        product: SOURCE_ALIGNED,
        column: { primaryKey: true, qualityMetrics: ['nullValues'] },
        expect: 'fail',
      },
      {
        name: 'other columns are not concerned',
        product: SOURCE_ALIGNED,
        column: { primaryKey: false },
        expect: 'skip',
      },
      {
        name: 'aggregates are not concerned',
        product: { archetype: 'aggregate' },
        column: { primaryKey: true },
        expect: 'skip',
      },
    ],
  },
  {
    name: 'breaking-change-needs-major',
    description:
      'A breaking contract change needs a new major version: the published major version keeps its contract.',
    rationale: 'Consumers of a major version rely on its contract; breaking it in place breaks them without notice.',
    severity: 'blocking',
    scope: { target: 'port' },
    where: 'port.publishedVersion != ""',
    check:
      'semverMajor(port.contractVersion) > semverMajor(port.publishedVersion) || port.changes.all(change, change.severity != "breaking")',
    message:
      '"breaking changes to the published contract " + port.publishedVersion + " within major version " + string(port.major) + ": " + port.changes.filter(change, change.severity == "breaking").map(change, change.explanation).join("; ") + (port.consumers.size() > 0 ? " — affects " + port.consumers.join(", ") : " — no known consumers")',
    field: '/version',
    fix: 'Revert the breaking change, or publish it as a new major version (a new output port beside the old one) and deprecate the old one.',
    params: {},
    tests: [
      {
        name: 'additive changes pass',
        port: { publishedVersion: '1.0.0', changes: [{ kind: 'column-added', severity: 'non-breaking' }] },
        expect: 'pass',
      },
      {
        name: 'a removed column fails',
        port: {
          publishedVersion: '1.0.0',
          contractVersion: '1.1.0',
          changes: [{ kind: 'column-removed', severity: 'breaking', explanation: 'column x removed' }],
          consumers: ['ana', 'bi-dashboards'],
        },
        expect: 'fail',
      },
      {
        name: 'a breaking change in a new major version passes',
        port: {
          publishedVersion: '1.4.0',
          contractVersion: '2.0.0',
          changes: [{ kind: 'column-removed', severity: 'breaking' }],
        },
        expect: 'pass',
      },
      { name: 'unpublished ports are not concerned', port: { publishedVersion: '' }, expect: 'skip' },
    ],
  },
];
